package io.github.migrations;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The model classes of a configuration when some are only found on first use (a class-path scan
 * that an application starting up should not pay for until a command needs the models): the
 * classes given directly, then those of each supplier, computed once, on first access, and kept.
 *
 * @since 0.1
 */
final class LazyModelClasses extends AbstractList<Class<?>> {

	private final List<Class<?>> given;

	private final List<Supplier<? extends Collection<Class<?>>>> suppliers;

	private volatile @Nullable List<Class<?>> classes;

	LazyModelClasses(List<Class<?>> given, List<Supplier<? extends Collection<Class<?>>>> suppliers) {
		this.given = List.copyOf(given);
		this.suppliers = List.copyOf(suppliers);
	}

	private List<Class<?>> classes() {
		List<Class<?>> result = this.classes;
		if (result == null) {
			synchronized (this) {
				result = this.classes;
				if (result == null) {
					List<Class<?>> all = new ArrayList<>(this.given);
					this.suppliers.forEach((supplier) -> all.addAll(supplier.get()));
					result = List.copyOf(all);
					this.classes = result;
				}
			}
		}
		return result;
	}

	@Override
	public Class<?> get(int index) {
		return classes().get(index);
	}

	@Override
	public int size() {
		return classes().size();
	}

}
