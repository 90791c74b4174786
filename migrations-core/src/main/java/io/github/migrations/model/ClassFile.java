package io.github.migrations.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the model reader needs of a class file, read without defining the class: names, access
 * flags, fields and the run-time visible annotations. Names are binary names with dots
 * ({@code com.example.Order$Status}), as {@link Class#getName()} gives them.
 *
 * @param access the class's access flags
 * @param name the class's binary name
 * @param superName the superclass's binary name, or {@code null} for {@code java.lang.Object}
 * @param interfaces the direct interfaces' binary names
 * @param fields the fields, in class-file order
 * @param annotations the class's run-time visible annotations, in class-file order
 * @param innerClasses the {@code InnerClasses} entries
 * @param enclosingMethod whether the class has an {@code EnclosingMethod} attribute (local or anonymous)
 */
record ClassFile(int access, String name, @Nullable String superName, List<String> interfaces,
		List<FieldInfo> fields, List<AnnotationInfo> annotations, List<InnerClass> innerClasses,
		boolean enclosingMethod) {

	static final int ACC_STATIC = 0x0008;

	static final int ACC_SYNTHETIC = 0x1000;

	static final int ACC_ENUM = 0x4000;

	/**
	 * One field.
	 * @param access its access flags ({@code ACC_SYNTHETIC} also set for a {@code Synthetic} attribute)
	 * @param name its name
	 * @param descriptor its type descriptor ({@code Ljava/util/List;})
	 * @param signature its generic signature ({@code Ljava/util/List<Ljava/lang/Long;>;}), or {@code null}
	 * @param annotations its run-time visible annotations, in class-file order
	 */
	record FieldInfo(int access, String name, String descriptor, @Nullable String signature,
			List<AnnotationInfo> annotations) {
	}

	/**
	 * One annotation: its type descriptor and its element values as written (the defaults are the
	 * annotation type's). Values are {@code Integer}, {@code Long}, {@code Float}, {@code Double},
	 * {@code Byte}, {@code Character}, {@code Short}, {@code Boolean}, {@code String},
	 * {@link EnumValue}, {@link ClassValue}, {@code AnnotationInfo} or a {@code List} of these.
	 * @param descriptor the annotation type's descriptor ({@code Lio/github/migrations/model/Model;})
	 * @param values the element values by name, in class-file order
	 */
	record AnnotationInfo(String descriptor, Map<String, Object> values) {

		// written out: the generated ones go through method handles, slow until compiled, and
		// annotations are looked up by value (AnnotationProxies) from a JVM's second read on

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof AnnotationInfo info && this.descriptor.equals(info.descriptor)
					&& this.values.equals(info.values);
		}

		@Override
		public int hashCode() {
			return 31 * this.descriptor.hashCode() + this.values.hashCode();
		}

	}

	/**
	 * An enum constant element value.
	 * @param descriptor the enum type's descriptor
	 * @param name the constant's name
	 */
	record EnumValue(String descriptor, String name) {
	}

	/**
	 * A class element value ({@code Foo.class}).
	 * @param descriptor the return descriptor ({@code Lcom/example/Foo;}, {@code V} for {@code void.class})
	 */
	record ClassValue(String descriptor) {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof ClassValue value && this.descriptor.equals(value.descriptor);
		}

		@Override
		public int hashCode() {
			return this.descriptor.hashCode();
		}

	}

	/**
	 * One {@code InnerClasses} entry.
	 * @param inner the nested class's binary name
	 * @param outer the declaring class's binary name, or {@code null} for a local or anonymous class
	 * @param simpleName the simple name, or {@code null} for an anonymous class
	 * @param access the nested class's access flags as declared
	 */
	record InnerClass(String inner, @Nullable String outer, @Nullable String simpleName, int access) {
	}

	/**
	 * Return whether the class declares itself an enum, as {@link Class#isEnum()} says: with the
	 * flags of {@link Class#getModifiers()}, those of its {@code InnerClasses} entry when nested.
	 * @return {@code true} for an enum
	 */
	boolean isEnum() {
		InnerClass self = self();
		int modifiers = (self != null) ? self.access() : this.access;
		return (modifiers & ACC_ENUM) != 0 && "java.lang.Enum".equals(this.superName);
	}

	/**
	 * Return this class's own {@code InnerClasses} entry, if it is nested.
	 * @return the entry, or {@code null} for a top-level class
	 */
	@Nullable InnerClass self() {
		for (InnerClass inner : this.innerClasses) {
			if (inner.inner().equals(this.name)) {
				return inner;
			}
		}
		return null;
	}

}
