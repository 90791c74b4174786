package io.github.migrations.loader;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.jspecify.annotations.Nullable;

/**
 * Work on the migration files started ahead of the step that needs it, on a thread of its own,
 * so that reading and checksumming the files overlaps with what the command does first (reading
 * the models, connecting to the database). In a fresh JVM both are slow and mostly CPU, so on
 * a machine with more than one processor the command takes the time of the longer of the two
 * instead of their sum.
 * <p>
 * The result, or the exception the work threw, is handed over by {@link #get()} in the calling
 * thread, so callers see exactly what running the work there would have given. With a single
 * processor the work runs in {@link #get()} itself. A result is handed over once: the read-ahead
 * then forgets it, so that what the caller no longer needs (the files of thousands of migrations,
 * once a run has gone past them) is not kept for the rest of the run by whoever still holds the
 * read-ahead.
 *
 * @param <T> the result type
 * @since 0.1
 */
public final class ReadAhead<T> {

	/** The work; {@code null} once its result was handed over. */
	private @Nullable FutureTask<T> task;

	private ReadAhead(FutureTask<T> task) {
		this.task = task;
	}

	/**
	 * Start work on a daemon thread, or defer it to {@link #get()} when only one processor is
	 * available.
	 * @param name the thread's name
	 * @param work the work; it must not depend on what the caller does meanwhile
	 * @param <T> the result type
	 * @return the started work
	 */
	public static <T> ReadAhead<T> start(String name, Callable<T> work) {
		FutureTask<T> task = new FutureTask<>(work);
		if (Runtime.getRuntime().availableProcessors() > 1) {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			thread.start();
		}
		return new ReadAhead<>(task);
	}

	/**
	 * Wait for the work and return its result, or throw what it threw (again on every call); a
	 * result is returned once.
	 * @return the result
	 * @throws IllegalStateException when the result was handed over already
	 */
	public T get() {
		FutureTask<T> task = this.task;
		if (task == null) {
			throw new IllegalStateException("The read-ahead's result was handed over already");
		}
		task.run();
		boolean interrupted = false;
		try {
			while (true) {
				try {
					T result = task.get();
					this.task = null;
					return result;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					Throwable cause = ex.getCause();
					if (cause instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (cause instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(cause);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Stop the work when its result is no longer wanted (the command failed before needing it).
	 */
	public void cancel() {
		FutureTask<T> task = this.task;
		if (task != null) {
			task.cancel(true);
		}
	}

}
