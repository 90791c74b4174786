package io.github.migrations.model;

import java.nio.charset.StandardCharsets;

/**
 * The constant pool of a class file (JVMS 4.4): where each entry is, decoded when asked for
 * (most entries, those of the methods' code, never are).
 */
final class ConstantPool {

	private static final int UTF8 = 1;

	private static final int INTEGER = 3;

	private static final int FLOAT = 4;

	private static final int LONG = 5;

	private static final int DOUBLE = 6;

	private static final int CLASS = 7;

	private final byte[] bytes;

	private final int[] offsets;

	private final byte[] tags;

	private final String[] texts;

	private ConstantPool(byte[] bytes, int[] offsets, byte[] tags) {
		this.bytes = bytes;
		this.offsets = offsets;
		this.tags = tags;
		this.texts = new String[tags.length];
	}

	/**
	 * Read the pool, the cursor at {@code constant_pool_count}.
	 */
	static ConstantPool read(ClassBytes in) {
		int count = in.u2();
		int[] offsets = new int[count];
		byte[] tags = new byte[count];
		for (int i = 1; i < count; i++) {
			int tag = in.u1();
			tags[i] = (byte) tag;
			offsets[i] = in.position();
			switch (tag) {
				case UTF8 -> in.skip(in.u2());
				case CLASS, 8, 16, 19, 20 -> in.skip(2); // class, string, method type, module, package
				case INTEGER, FLOAT, 9, 10, 11, 12, 17, 18 -> in.skip(4); // numbers, refs, name and type, dynamic
				case LONG, DOUBLE -> {
					in.skip(8);
					i++;
				}
				case 15 -> in.skip(3); // method handle
				default -> throw new ClassFileFormatException("unknown constant pool tag " + tag + " at " + i);
			}
		}
		return new ConstantPool(in.bytes(), offsets, tags);
	}

	String utf8(int index) {
		int offset = offset(index, UTF8);
		String text = this.texts[index];
		if (text == null) {
			int length = u2(offset);
			text = decode(offset + 2, length);
			this.texts[index] = text;
		}
		return text;
	}

	/** The internal name of a class entry ({@code java/lang/String}). */
	String className(int index) {
		return utf8(u2(offset(index, CLASS)));
	}

	int integer(int index) {
		return u4(offset(index, INTEGER));
	}

	long longValue(int index) {
		int offset = offset(index, LONG);
		return ((long) u4(offset) << 32) | (u4(offset + 4) & 0xFFFFFFFFL);
	}

	float floatValue(int index) {
		return Float.intBitsToFloat(u4(offset(index, FLOAT)));
	}

	double doubleValue(int index) {
		int offset = offset(index, DOUBLE);
		return Double.longBitsToDouble(((long) u4(offset) << 32) | (u4(offset + 4) & 0xFFFFFFFFL));
	}

	private int offset(int index, int tag) {
		if (index <= 0 || index >= this.tags.length || this.tags[index] != tag) {
			throw new ClassFileFormatException("constant pool entry " + index + " is not of tag " + tag);
		}
		return this.offsets[index];
	}

	private int u2(int offset) {
		return ((this.bytes[offset] & 0xFF) << 8) | (this.bytes[offset + 1] & 0xFF);
	}

	private int u4(int offset) {
		return (u2(offset) << 16) | u2(offset + 2);
	}

	/** Decode modified UTF-8 (JVMS 4.4.7): ASCII at once, the rest character by character. */
	private String decode(int offset, int length) {
		int end = offset + length;
		boolean ascii = true;
		for (int i = offset; i < end; i++) {
			if (this.bytes[i] <= 0) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return new String(this.bytes, offset, length, StandardCharsets.ISO_8859_1);
		}
		StringBuilder text = new StringBuilder(length);
		int i = offset;
		while (i < end) {
			int a = this.bytes[i++] & 0xFF;
			if (a < 0x80 && a != 0) {
				text.append((char) a);
			}
			else if ((a & 0xE0) == 0xC0 && i < end) {
				text.append((char) (((a & 0x1F) << 6) | (this.bytes[i++] & 0x3F)));
			}
			else if ((a & 0xF0) == 0xE0 && i + 1 < end) {
				text.append((char) (((a & 0x0F) << 12) | ((this.bytes[i] & 0x3F) << 6) | (this.bytes[i + 1] & 0x3F)));
				i += 2;
			}
			else {
				throw new ClassFileFormatException("malformed modified UTF-8 in the constant pool");
			}
		}
		return text.toString();
	}

}
