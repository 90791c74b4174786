package io.github.migrations.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.model.ClassFile.AnnotationInfo;
import io.github.migrations.model.ClassFile.FieldInfo;

/**
 * The types of one read from class files: each class file read once, from the bytes the scan
 * found or as the class loader's resource; JDK types ({@code java.*}, primitives) as their
 * classes. It fails with a {@link ClassFileFormatException} whenever it cannot say for certain
 * what reflection would say (a class file not found, a superclass it cannot see).
 */
final class ClassFileTypes {

	/** The annotation types of the model package, by descriptor. */
	private static final Map<String, Class<? extends Annotation>> OURS = ours();

	private static final String OUR_PACKAGE = "L" + Model.class.getPackageName().replace('.', '/') + "/";

	private final ClassLoader classLoader;

	private final ScannedClasses scanned;

	private final Map<String, ClassFile> files = new HashMap<>();

	private final Map<String, JavaType> types = new HashMap<>();

	private final Set<String> loadable = new HashSet<>();

	/** Whether class files of folders come from, and go to, the {@link ClassFileCache}. */
	private final boolean keep;

	/**
	 * Create the types of one read.
	 * @param scanned the classes scanned, whose class loader's resources are the other class files
	 */
	ClassFileTypes(ScannedClasses scanned) {
		this.classLoader = scanned.classLoader();
		this.scanned = scanned;
		this.keep = ClassFileCache.startRead();
	}

	/**
	 * Return the class file of a class.
	 * @param name the binary name
	 * @return the class file
	 */
	ClassFile classFile(String name) {
		ClassFile file = this.files.get(name);
		if (file == null) {
			file = read(name);
			if (!file.name().equals(name)) {
				throw new ClassFileFormatException(name + ".class declares " + file.name());
			}
			this.files.put(name, file);
		}
		return file;
	}

	private ClassFile read(String name) {
		if (this.scanned.unique(name)) {
			return this.scanned.classFile(name, this.keep);
		}
		String resource = name.replace('.', '/') + ".class";
		if (this.keep) {
			// what the class loader would define, through the cache when it is in a folder
			URL url = this.classLoader.getResource(resource);
			if (url != null && "file".equals(url.getProtocol())) {
				try {
					return ClassFileCache.parse(Path.of(url.toURI()), true);
				}
				catch (URISyntaxException | IllegalArgumentException | UncheckedIOException ex) {
					// read as the class loader's stream below
				}
			}
		}
		try (InputStream in = this.classLoader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new ClassFileFormatException("no class file for " + name);
			}
			return ClassFileParser.parse(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new ClassFileFormatException("cannot read the class file of " + name + ": " + ex);
		}
	}

	/**
	 * Return the type a field descriptor or class value names.
	 * @param descriptor the descriptor ({@code I}, {@code [B}, {@code Ljava/lang/String;}, {@code V})
	 * @return the type
	 */
	JavaType ofDescriptor(String descriptor) {
		if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
			return type(ClassFileParser.binaryName(descriptor.substring(1, descriptor.length() - 1)));
		}
		if (descriptor.startsWith("[")) {
			int dimensions = 0;
			while (dimensions < descriptor.length() && descriptor.charAt(dimensions) == '[') {
				dimensions++;
			}
			String component = descriptor.substring(dimensions);
			if (component.length() > 1 && !component.startsWith("Ljava/")) {
				// an array of the project's classes: only reflection says what it is
				throw new ClassFileFormatException("array type " + descriptor);
			}
			return jdk(ClassFileParser.binaryName(descriptor), descriptor);
		}
		Class<?> primitive = switch (descriptor) {
			case "Z" -> boolean.class;
			case "B" -> byte.class;
			case "C" -> char.class;
			case "S" -> short.class;
			case "I" -> int.class;
			case "J" -> long.class;
			case "F" -> float.class;
			case "D" -> double.class;
			case "V" -> void.class;
			default -> throw new ClassFileFormatException("bad descriptor " + descriptor);
		};
		return new ReflectedType(primitive);
	}

	/**
	 * Return a class by name: a JDK class as its class, any other from its class file, checked
	 * to be loadable (its superclasses and interfaces found).
	 * @param name the binary name
	 * @return the type
	 */
	JavaType type(String name) {
		JavaType type = this.types.get(name);
		if (type == null) {
			if (name.startsWith("java.")) {
				type = jdk(name, name);
			}
			else {
				checkLoadable(name);
				type = new ClassFileType(classFile(name), this);
			}
			this.types.put(name, type);
		}
		return type;
	}

	private static JavaType jdk(String name, String what) {
		try {
			return new ReflectedType(Class.forName(name, false, ClassLoader.getPlatformClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new ClassFileFormatException("no JDK class " + what);
		}
	}

	/**
	 * Check that loading a class would find it, its superclasses and its interfaces.
	 * @param name the binary name
	 */
	void checkLoadable(String name) {
		if (this.loadable.contains(name)) {
			return;
		}
		if (name.startsWith("java.")) {
			jdk(name, name);
		}
		else {
			ClassFile file = classFile(name);
			if (file.superName() != null) {
				checkLoadable(file.superName());
			}
			file.interfaces().forEach(this::checkLoadable);
		}
		this.loadable.add(name);
	}

	boolean isCollection(ClassFile file) {
		List<String> supertypes = new ArrayList<>(file.interfaces());
		if (file.superName() != null) {
			supertypes.add(file.superName());
		}
		for (String supertype : supertypes) {
			JavaType type = type(supertype);
			if (type.isCollection()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the field annotations of the model package among those read, as annotations.
	 * @param annotations the annotations read
	 * @return those of the model package
	 */
	List<Annotation> annotations(List<AnnotationInfo> annotations) {
		List<Annotation> ours = new ArrayList<>();
		for (AnnotationInfo info : annotations) {
			if (info.descriptor().startsWith(OUR_PACKAGE)
					&& info.descriptor().indexOf('/', OUR_PACKAGE.length()) < 0) {
				Class<? extends Annotation> type = OURS.get(info.descriptor());
				if (type == null) {
					throw new ClassFileFormatException("unknown annotation " + info.descriptor());
				}
				ours.add(annotation(type, info));
			}
		}
		return ours;
	}

	<A extends Annotation> A annotation(Class<A> type, AnnotationInfo info) {
		return AnnotationProxies.create(type, info, this.keep);
	}

	List<Annotation> containedAnnotations(Annotation container) {
		try {
			return List.of((Annotation[]) container.annotationType().getMethod("value").invoke(container));
		}
		catch (ReflectiveOperationException ex) {
			throw new ClassFileFormatException("container " + container.annotationType().getName() + ": " + ex);
		}
	}

	/**
	 * Check what loading a model class needs: the class, its superclasses and interfaces, its
	 * declaring class, and the type of each of its fields, static or not (reflection resolves them).
	 * @param file the model's class file
	 * @return the model as a type
	 */
	JavaType model(ClassFile file) {
		if (file.enclosingMethod()) {
			throw new ClassFileFormatException(file.name() + " is a local or anonymous class");
		}
		checkLoadable(file.name());
		ClassFile.InnerClass self = file.self();
		if (self != null) {
			if (self.outer() == null) {
				throw new ClassFileFormatException(file.name() + " has no declaring class");
			}
			checkLoadable(self.outer());
		}
		for (FieldInfo field : file.fields()) {
			ofDescriptor(field.descriptor());
		}
		JavaType model = type(file.name());
		// the annotations read now, so that one that cannot be read makes this model alone loaded
		model.fields();
		model.annotation(Model.class);
		model.annotation(RenamedFrom.class);
		model.annotationsByType(Index.class);
		model.annotationsByType(UniqueConstraint.class);
		model.annotationsByType(CheckConstraint.class);
		return model;
	}

	/**
	 * Return whether the class loader resolves the model package's annotations to this engine's.
	 * @return {@code true} when the annotations read are ours
	 */
	boolean sharesAnnotations() {
		try {
			return Class.forName(Model.class.getName(), false, this.classLoader) == Model.class;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	static boolean isModel(ClassFile file) {
		return ClassFileType.find(file.annotations(), Model.class) != null;
	}

	private static Map<String, Class<? extends Annotation>> ours() {
		Map<String, Class<? extends Annotation>> ours = new HashMap<>();
		Collection<Class<? extends Annotation>> types = new ArrayList<>(FieldAnnotations.types());
		types.addAll(List.of(Model.class, RenamedFrom.class, Index.class, Indexes.class, UniqueConstraint.class,
				UniqueConstraints.class, CheckConstraint.class, CheckConstraints.class, ForeignKey.class,
				OneToOneField.class, ManyToManyField.class));
		for (Class<? extends Annotation> type : types) {
			ours.put(AnnotationProxies.descriptor(type), type);
		}
		return ours;
	}

}
