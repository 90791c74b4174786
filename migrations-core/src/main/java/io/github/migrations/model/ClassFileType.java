package io.github.migrations.model;

import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.migrations.model.ClassFile.AnnotationInfo;
import io.github.migrations.model.ClassFile.FieldInfo;
import io.github.migrations.model.ClassFile.InnerClass;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JavaType} read from its class file, without loading the class: what reflection would
 * say of it, for the questions the model reader asks.
 */
final class ClassFileType implements JavaType {

	private final ClassFile file;

	private final ClassFileTypes types;

	private final Map<Class<?>, Optional<Annotation>> annotations = new HashMap<>();

	private @Nullable List<ModelField> fields;

	private @Nullable String simpleName;

	ClassFileType(ClassFile file, ClassFileTypes types) {
		this.file = file;
		this.types = types;
	}

	@Override
	public String name() {
		return this.file.name();
	}

	@Override
	public String simpleName() {
		String simpleName = this.simpleName;
		if (simpleName == null) {
			InnerClass self = this.file.self();
			if (self != null) {
				simpleName = (self.simpleName() != null) ? self.simpleName() : "";
			}
			else {
				simpleName = this.file.name().substring(this.file.name().lastIndexOf('.') + 1);
			}
			this.simpleName = simpleName;
		}
		return simpleName;
	}

	@Override
	public String packageName() {
		int dot = this.file.name().lastIndexOf('.');
		return (dot < 0) ? "" : this.file.name().substring(0, dot);
	}

	@Override
	public boolean isEnum() {
		return this.file.isEnum();
	}

	@Override
	public List<String> enumConstants() {
		List<String> constants = new ArrayList<>();
		for (FieldInfo field : this.file.fields()) {
			if ((field.access() & ClassFile.ACC_ENUM) != 0) {
				constants.add(field.name());
			}
		}
		return constants;
	}

	@Override
	public boolean isCollection() {
		return this.types.isCollection(this.file);
	}

	@Override
	public <A extends Annotation> @Nullable A annotation(Class<A> type) {
		Optional<Annotation> annotation = this.annotations.get(type);
		if (annotation == null) {
			AnnotationInfo info = find(this.file.annotations(), type);
			annotation = Optional.ofNullable((info != null) ? this.types.annotation(type, info) : null);
			this.annotations.put(type, annotation);
		}
		return type.cast(annotation.orElse(null));
	}

	/**
	 * As {@code AnnotationSupport.getDirectlyAndIndirectlyPresent}: the annotation itself, and
	 * those in its container, in the order they are written.
	 */
	@Override
	public <A extends Annotation> List<A> annotationsByType(Class<A> type) {
		List<A> result = new ArrayList<>();
		A direct = annotation(type);
		if (direct != null) {
			result.add(direct);
		}
		Repeatable repeatable = type.getAnnotation(Repeatable.class);
		if (repeatable != null) {
			Annotation container = annotation(repeatable.value());
			if (container != null) {
				List<A> indirect = new ArrayList<>();
				for (Annotation contained : this.types.containedAnnotations(container)) {
					indirect.add(type.cast(contained));
				}
				boolean indirectFirst = direct == null || containerFirst(type, repeatable.value());
				result.addAll(indirectFirst ? 0 : 1, indirect);
			}
		}
		return result;
	}

	private boolean containerFirst(Class<?> type, Class<?> container) {
		for (AnnotationInfo info : this.file.annotations()) {
			if (info.descriptor().equals(AnnotationProxies.descriptor(container))) {
				return true;
			}
			if (info.descriptor().equals(AnnotationProxies.descriptor(type))) {
				return false;
			}
		}
		return false;
	}

	@Override
	public JavaType classValue(Annotation annotation, String name) {
		return AnnotationProxies.classValue(annotation, name, this.types::ofDescriptor);
	}

	@Override
	public List<ModelField> fields() {
		if (this.fields != null) {
			return this.fields;
		}
		List<ModelField> fields = new ArrayList<>();
		for (FieldInfo field : this.file.fields()) {
			if ((field.access() & (ClassFile.ACC_STATIC | ClassFile.ACC_SYNTHETIC)) == 0) {
				fields.add(new ModelField(field.name(), this.types.ofDescriptor(field.descriptor()),
						this.types.annotations(field.annotations())));
			}
		}
		this.fields = List.copyOf(fields);
		return this.fields;
	}

	static @Nullable AnnotationInfo find(List<AnnotationInfo> annotations, Class<? extends Annotation> type) {
		String descriptor = AnnotationProxies.descriptor(type);
		for (AnnotationInfo info : annotations) {
			if (info.descriptor().equals(descriptor)) {
				return info;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "class file of " + this.file.name();
	}

}
