package io.github.migrations.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.model.ClassFile.AnnotationInfo;
import io.github.migrations.model.ClassFile.ClassValue;
import io.github.migrations.model.ClassFile.EnumValue;

/**
 * Reads {@code RuntimeVisibleAnnotations} and their element values (JVMS 4.7.16): constants,
 * enum constants, classes, nested annotations and arrays.
 */
final class ElementValues {

	private ElementValues() {
	}

	static List<AnnotationInfo> annotations(ClassBytes in, ConstantPool pool) {
		List<AnnotationInfo> annotations = new ArrayList<>();
		for (int i = in.u2(); i > 0; i--) {
			annotations.add(annotation(in, pool));
		}
		return List.copyOf(annotations);
	}

	private static AnnotationInfo annotation(ClassBytes in, ConstantPool pool) {
		String descriptor = pool.utf8(in.u2());
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = in.u2(); i > 0; i--) {
			String name = pool.utf8(in.u2());
			if (values.put(name, value(in, pool)) != null) {
				throw new ClassFileFormatException("@" + descriptor + " gives " + name + " twice");
			}
		}
		return new AnnotationInfo(descriptor, values);
	}

	private static Object value(ClassBytes in, ConstantPool pool) {
		int tag = in.u1();
		return switch (tag) {
			case 'B' -> (byte) pool.integer(in.u2());
			case 'C' -> (char) pool.integer(in.u2());
			case 'S' -> (short) pool.integer(in.u2());
			case 'Z' -> pool.integer(in.u2()) != 0;
			case 'I' -> pool.integer(in.u2());
			case 'J' -> pool.longValue(in.u2());
			case 'F' -> pool.floatValue(in.u2());
			case 'D' -> pool.doubleValue(in.u2());
			case 's' -> pool.utf8(in.u2());
			case 'e' -> new EnumValue(pool.utf8(in.u2()), pool.utf8(in.u2()));
			case 'c' -> new ClassValue(pool.utf8(in.u2()));
			case '@' -> annotation(in, pool);
			case '[' -> {
				List<Object> values = new ArrayList<>();
				for (int i = in.u2(); i > 0; i--) {
					values.add(value(in, pool));
				}
				yield List.copyOf(values);
			}
			default -> throw new ClassFileFormatException("unknown element value tag " + tag);
		};
	}

}
