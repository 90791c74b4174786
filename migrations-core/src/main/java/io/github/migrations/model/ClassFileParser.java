package io.github.migrations.model;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.model.ClassFile.AnnotationInfo;
import io.github.migrations.model.ClassFile.FieldInfo;
import io.github.migrations.model.ClassFile.InnerClass;

/**
 * Reads a {@link ClassFile} from the bytes of a {@code .class} file (JVMS chapter 4): the header,
 * the constant pool, the fields with their {@code Signature} and {@code RuntimeVisibleAnnotations},
 * and the class's own annotations, {@code InnerClasses} and {@code EnclosingMethod}. Methods are
 * skipped. Anything malformed fails with a {@link ClassFileFormatException}.
 */
final class ClassFileParser {

	private static final int MAGIC = 0xCAFEBABE;

	private ClassFileParser() {
	}

	static ClassFile parse(byte[] bytes) {
		try {
			return parse(new ClassBytes(bytes));
		}
		catch (ClassCastException | IndexOutOfBoundsException | IllegalArgumentException ex) {
			throw new ClassFileFormatException("malformed class file: " + ex);
		}
	}

	private static ClassFile parse(ClassBytes in) {
		if (in.u4() != MAGIC) {
			throw new ClassFileFormatException("not a class file");
		}
		in.u2(); // minor
		in.u2(); // major
		ConstantPool pool = ConstantPool.read(in);
		int access = in.u2();
		String name = binaryName(pool.className(in.u2()));
		int superIndex = in.u2();
		String superName = (superIndex == 0) ? null : binaryName(pool.className(superIndex));
		List<String> interfaces = new ArrayList<>();
		for (int i = in.u2(); i > 0; i--) {
			interfaces.add(binaryName(pool.className(in.u2())));
		}
		List<FieldInfo> fields = new ArrayList<>();
		for (int i = in.u2(); i > 0; i--) {
			fields.add(field(in, pool));
		}
		for (int i = in.u2(); i > 0; i--) {
			in.u2(); // access
			in.u2(); // name
			in.u2(); // descriptor
			for (int j = in.u2(); j > 0; j--) {
				in.u2();
				in.skip(in.u4());
			}
		}
		List<AnnotationInfo> annotations = List.of();
		List<InnerClass> innerClasses = List.of();
		boolean enclosingMethod = false;
		for (int i = in.u2(); i > 0; i--) {
			String attribute = pool.utf8(in.u2());
			int length = in.u4();
			switch (attribute) {
				case "RuntimeVisibleAnnotations" -> {
					int end = in.position() + length;
					annotations = ElementValues.annotations(in, pool);
					ended(in, end);
				}
				case "InnerClasses" -> {
					int end = in.position() + length;
					innerClasses = innerClasses(in, pool);
					ended(in, end);
				}
				case "EnclosingMethod" -> {
					enclosingMethod = true;
					in.skip(length);
				}
				default -> in.skip(length);
			}
		}
		return new ClassFile(access, name, superName, List.copyOf(interfaces), List.copyOf(fields), annotations,
				innerClasses, enclosingMethod);
	}

	private static FieldInfo field(ClassBytes in, ConstantPool pool) {
		int access = in.u2();
		String name = pool.utf8(in.u2());
		String descriptor = pool.utf8(in.u2());
		String signature = null;
		List<AnnotationInfo> annotations = List.of();
		for (int i = in.u2(); i > 0; i--) {
			String attribute = pool.utf8(in.u2());
			int length = in.u4();
			switch (attribute) {
				case "Signature" -> {
					int end = in.position() + length;
					signature = pool.utf8(in.u2());
					ended(in, end);
				}
				case "RuntimeVisibleAnnotations" -> {
					int end = in.position() + length;
					annotations = ElementValues.annotations(in, pool);
					ended(in, end);
				}
				case "Synthetic" -> {
					access |= ClassFile.ACC_SYNTHETIC;
					in.skip(length);
				}
				default -> in.skip(length);
			}
		}
		return new FieldInfo(access, name, descriptor, signature, annotations);
	}

	private static List<InnerClass> innerClasses(ClassBytes in, ConstantPool pool) {
		List<InnerClass> entries = new ArrayList<>();
		for (int i = in.u2(); i > 0; i--) {
			String inner = binaryName(pool.className(in.u2()));
			int outerIndex = in.u2();
			int nameIndex = in.u2();
			int access = in.u2();
			entries.add(new InnerClass(inner, (outerIndex == 0) ? null : binaryName(pool.className(outerIndex)),
					(nameIndex == 0) ? null : pool.utf8(nameIndex), access));
		}
		return List.copyOf(entries);
	}

	private static void ended(ClassBytes in, int end) {
		if (in.position() != end) {
			throw new ClassFileFormatException("an attribute's length does not match its content");
		}
	}

	static String binaryName(String internalName) {
		return internalName.replace('/', '.');
	}

}
