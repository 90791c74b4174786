package io.github.migrations.model;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A class loader that delegates to its parent except for one package (and its sub-packages),
 * whose classes and resources it hides: a child class loader then defines that package's classes
 * itself, from its own copies.
 */
final class HidingClassLoader extends ClassLoader {

	private final String hidden;

	HidingClassLoader(ClassLoader parent, String hiddenPackage) {
		super(parent);
		this.hidden = hiddenPackage;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (name.startsWith(this.hidden + ".")) {
			throw new ClassNotFoundException(name);
		}
		return super.loadClass(name, resolve);
	}

	@Override
	public URL getResource(String name) {
		return hides(name) ? null : super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		return hides(name) ? Collections.emptyEnumeration() : super.getResources(name);
	}

	private boolean hides(String resource) {
		String path = this.hidden.replace('.', '/');
		return resource.equals(path) || resource.startsWith(path + "/");
	}

}
