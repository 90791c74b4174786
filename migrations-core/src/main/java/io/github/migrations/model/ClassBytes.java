package io.github.migrations.model;

/**
 * A cursor over the bytes of a class file, reading big-endian numbers (JVMS 4.1: {@code u1},
 * {@code u2}, {@code u4}); reading past the end fails with a {@link ClassFileFormatException}.
 * Used instead of a {@code DataInputStream}, whose synchronized reads cost in a fresh JVM.
 */
final class ClassBytes {

	private final byte[] bytes;

	private int position;

	ClassBytes(byte[] bytes) {
		this.bytes = bytes;
	}

	byte[] bytes() {
		return this.bytes;
	}

	int position() {
		return this.position;
	}

	int u1() {
		check(1);
		return this.bytes[this.position++] & 0xFF;
	}

	int u2() {
		check(2);
		int value = ((this.bytes[this.position] & 0xFF) << 8) | (this.bytes[this.position + 1] & 0xFF);
		this.position += 2;
		return value;
	}

	int u4() {
		check(4);
		byte[] b = this.bytes;
		int p = this.position;
		this.position += 4;
		return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
	}

	void skip(int length) {
		if (length < 0) {
			throw new ClassFileFormatException("negative length in class file");
		}
		check(length);
		this.position += length;
	}

	private void check(int length) {
		if (this.position + length > this.bytes.length) {
			throw new ClassFileFormatException("truncated class file");
		}
	}

}
