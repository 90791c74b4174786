package io.github.migrations.loader;

import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.github.migrations.BadMigrationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ReadAhead}.
 */
class ReadAheadTests {

	@Test
	void getReturnsWhatTheWorkReturned() {
		assertThat(ReadAhead.start("test-read-ahead", () -> "done").get()).isEqualTo("done");
	}

	@Test
	void theResultIsHandedOverOnceAndNotHeldAfterwards() throws InterruptedException {
		ReadAhead<Object> work = ReadAhead.start("test-read-ahead", () -> new byte[1 << 20]);
		WeakReference<Object> result = new WeakReference<>(work.get());
		assertThatIllegalStateException().isThrownBy(work::get).withMessage("The read-ahead's result was handed over already");
		for (int i = 0; i < 50 && result.get() != null; i++) {
			System.gc();
			Thread.sleep(10);
		}
		assertThat(result.get()).as("the result, still held by the read-ahead " + work).isNull();
		work.cancel();
	}

	@Test
	void getThrowsTheVeryExceptionTheWorkThrew() {
		BadMigrationException failure = new BadMigrationException("Migration file x is not valid UTF-8.");
		ReadAhead<String> work = ReadAhead.start("test-read-ahead", () -> {
			throw failure;
		});
		assertThatExceptionOfType(BadMigrationException.class).isThrownBy(work::get).isSameAs(failure);
		assertThatExceptionOfType(BadMigrationException.class).isThrownBy(work::get).isSameAs(failure);
	}

	@Test
	void aCheckedExceptionComesBackWrappedWithItsCause() {
		ReadAhead<String> work = ReadAhead.start("test-read-ahead", () -> {
			throw new java.io.IOException("disk gone");
		});
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(work::get)
			.havingCause()
			.withMessage("disk gone");
	}

	@Test
	void theWorkRunsOnAnotherThreadWhileTheCallerGoesOn() throws InterruptedException {
		CountDownLatch callerWentOn = new CountDownLatch(1);
		AtomicReference<String> thread = new AtomicReference<>();
		ReadAhead<String> work = ReadAhead.start("test-read-ahead", () -> {
			callerWentOn.await();
			thread.set(Thread.currentThread().getName());
			return "read";
		});
		callerWentOn.countDown();
		assertThat(work.get()).isEqualTo("read");
		assertThat(thread.get()).isIn("test-read-ahead", Thread.currentThread().getName());
	}

	@Test
	void anInterruptOfTheCallerIsKeptButDoesNotLoseTheResult() {
		ReadAhead<String> work = ReadAhead.start("test-read-ahead", () -> "read");
		Thread.currentThread().interrupt();
		try {
			assertThat(work.get()).isEqualTo("read");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void anUncheckedIoExceptionOfTheSourceIsRethrownAsIs() {
		MigrationSource broken = () -> {
			throw new UncheckedIOException("Cannot read migration files under db", new java.io.IOException("gone"));
		};
		ReadAhead<FileHeaders> work = ReadAhead.start("test-read-ahead", () -> FileHeaders.read(broken));
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(work::get)
			.withMessage("Cannot read migration files under db");
	}

}
