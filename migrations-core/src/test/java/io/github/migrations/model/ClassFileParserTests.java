package io.github.migrations.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;

import io.github.migrations.model.ClassFile.AnnotationInfo;
import io.github.migrations.model.ClassFile.ClassValue;
import io.github.migrations.model.ClassFile.EnumValue;
import io.github.migrations.model.ClassFile.FieldInfo;
import io.github.migrations.model.ClassFile.InnerClass;
import io.github.migrations.model.fixtures.classfile.Everything;
import io.github.migrations.state.OnDelete;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClassFileParser}: what it reads of class files javac wrote.
 */
class ClassFileParserTests {

	@Retention(RetentionPolicy.RUNTIME)
	@interface AllKinds {

		byte b();

		char c();

		short s();

		int i();

		long j();

		float f();

		double d();

		boolean z();

		String text();

		OnDelete onDelete();

		Class<?> type();

		Class<?> primitive();

		Retention nested();

		int[] numbers();

		String[] none();

	}

	@AllKinds(b = -1, c = 'x', s = 300, i = 70000, j = 1L << 40, f = 1.5f, d = -2.25, z = true, text = "t\u00e9xt\u0000",
			onDelete = OnDelete.SET_NULL, type = Everything.Tag.class, primitive = int.class,
			nested = @Retention(RetentionPolicy.CLASS), numbers = { 1, 2, 3 }, none = {})
	static class Annotated {

	}

	@Test
	void readsEveryKindOfElementValue() throws IOException {
		AnnotationInfo info = parse(Annotated.class).annotations().get(0);
		assertThat(info.descriptor()).isEqualTo(AllKinds.class.descriptorString());
		Map<String, Object> values = info.values();
		assertThat(values).containsEntry("b", (byte) -1).containsEntry("c", 'x').containsEntry("s", (short) 300)
			.containsEntry("i", 70000).containsEntry("j", 1L << 40).containsEntry("f", 1.5f)
			.containsEntry("d", -2.25).containsEntry("z", true).containsEntry("text", "t\u00e9xt\u0000")
			.containsEntry("onDelete", new EnumValue("Lio/github/migrations/state/OnDelete;", "SET_NULL"))
			.containsEntry("type", new ClassValue("Lio/github/migrations/model/fixtures/classfile/Everything$Tag;"))
			.containsEntry("primitive", new ClassValue("I"))
			.containsEntry("nested", new AnnotationInfo("Ljava/lang/annotation/Retention;",
					Map.of("value", new EnumValue("Ljava/lang/annotation/RetentionPolicy;", "CLASS"))))
			.containsEntry("numbers", List.of(1, 2, 3))
			.containsEntry("none", List.of());
		assertThat(values.keySet()).startsWith("b", "c", "s", "i");
	}

	@Test
	void readsTheClassItsFieldsAndTheirGenericSignatures() throws IOException {
		ClassFile file = parse(Everything.class);
		assertThat(file.name()).isEqualTo(Everything.class.getName());
		assertThat(file.superName()).isEqualTo("java.lang.Object");
		assertThat(file.interfaces()).isEmpty();
		assertThat(file.self()).isNull();
		assertThat(file.fields()).extracting(FieldInfo::name)
			.containsExactly(java.util.Arrays.stream(Everything.class.getDeclaredFields()).map(java.lang.reflect.Field::getName)
				.toArray(String[]::new));
		FieldInfo tags = field(file, "tags");
		assertThat(tags.descriptor()).isEqualTo("Ljava/util/List;");
		assertThat(tags.signature()).isEqualTo("Ljava/util/List<Ljava/lang/Long;>;");
		assertThat(field(file, "name").signature()).isNull();
		assertThat(field(file, "CONSTANT").access() & ClassFile.ACC_STATIC).isNotZero();
		assertThat(field(file, "blob").descriptor()).isEqualTo("[B");
		AnnotationInfo foreignKey = field(file, "tag").annotations().get(0);
		assertThat(foreignKey.values()).containsEntry("to",
				new ClassValue("Lio/github/migrations/model/fixtures/classfile/Everything$Tag;"));
		assertThat(foreignKey.values()).containsEntry("onDelete",
				new EnumValue("Lio/github/migrations/state/OnDelete;", "SET_NULL"));
		assertThat(file.annotations()).extracting(AnnotationInfo::descriptor).contains(Model.class.descriptorString(),
				Indexes.class.descriptorString(), "Ljava/lang/Deprecated;");
		AnnotationInfo indexes = ClassFileType.find(file.annotations(), Indexes.class);
		assertThat((List<?>) indexes.values().get("value")).hasSize(2).allSatisfy(
				(index) -> assertThat(((AnnotationInfo) index).descriptor()).isEqualTo(Index.class.descriptorString()));
	}

	@Test
	void readsNestedInnerAndLocalClassesAsReflectionNamesThem() throws IOException {
		class Local {

		}
		ClassFile tag = parse(Everything.Tag.class);
		assertThat(tag.self()).isEqualTo(new InnerClass(Everything.Tag.class.getName(), Everything.class.getName(), "Tag",
				Everything.Tag.class.getModifiers()));
		assertThat(tag.enclosingMethod()).isFalse();
		ClassFile profile = parse(Everything.Profile.class);
		assertThat(profile.fields()).anySatisfy((field) -> {
			assertThat(field.name()).startsWith("this$");
			assertThat(field.access() & ClassFile.ACC_SYNTHETIC).isNotZero();
		});
		ClassFile local = parse(Local.class);
		assertThat(local.enclosingMethod()).isTrue();
		assertThat(local.self().outer()).isNull();
		assertThat(local.self().simpleName()).isEqualTo(Local.class.getSimpleName());
	}

	@Test
	void readsEnumsAndTheirConstantsInOrder() throws IOException {
		ClassFile status = parse(Everything.Status.class);
		assertThat(status.isEnum()).isTrue();
		assertThat(status.fields()).filteredOn((field) -> (field.access() & ClassFile.ACC_ENUM) != 0)
			.extracting(FieldInfo::name)
			.containsExactly("DRAFT", "PUBLISHED", "ARCHIVED");
		ClassFile body = parse(Everything.Status.PUBLISHED.getClass());
		assertThat(Everything.Status.PUBLISHED.getClass().isEnum()).isFalse();
		assertThat(body.isEnum()).isFalse();
		assertThat(parse(Everything.class).isEnum()).isFalse();
	}

	@Test
	void aTruncatedOrForeignFileIsAFormatError() throws IOException {
		byte[] bytes = bytes(Everything.class);
		assertThatExceptionOfType(ClassFileFormatException.class)
			.isThrownBy(() -> ClassFileParser.parse(java.util.Arrays.copyOf(bytes, bytes.length / 2)))
			.withMessage("truncated class file");
		assertThatExceptionOfType(ClassFileFormatException.class)
			.isThrownBy(() -> ClassFileParser.parse("not a class".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.withMessage("not a class file");
	}

	private static FieldInfo field(ClassFile file, String name) {
		return file.fields().stream().filter((field) -> field.name().equals(name)).findFirst().orElseThrow();
	}

	static ClassFile parse(Class<?> type) throws IOException {
		return ClassFileParser.parse(bytes(type));
	}

	static byte[] bytes(Class<?> type) throws IOException {
		try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
			return in.readAllBytes();
		}
	}

}
