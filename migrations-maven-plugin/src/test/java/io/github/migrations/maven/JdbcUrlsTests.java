package io.github.migrations.maven;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTests {

	private final Path module = Path.of("/work/project/sample-app");

	@Test
	void relativeFileUrlIsResolvedAgainstTheModuleFolder() {
		assertThat(JdbcUrls.resolveRelativeH2Path("jdbc:h2:file:./data/blog", this.module))
			.isEqualTo("jdbc:h2:file:" + absolute("data/blog"));
	}

	@Test
	void relativeUrlWithoutFilePrefixIsResolvedToo() {
		assertThat(JdbcUrls.resolveRelativeH2Path("jdbc:h2:./data/blog", this.module))
			.isEqualTo("jdbc:h2:file:" + absolute("data/blog"));
	}

	@Test
	void parentRelativePathIsNormalized() {
		assertThat(JdbcUrls.resolveRelativeH2Path("jdbc:h2:file:../shared/db", this.module))
			.isEqualTo("jdbc:h2:file:" + absolute("../shared/db"));
	}

	@Test
	void settingsAfterThePathAreKept() {
		assertThat(JdbcUrls.resolveRelativeH2Path("jdbc:h2:file:./data/blog;AUTO_SERVER=TRUE;MODE=MySQL", this.module))
			.isEqualTo("jdbc:h2:file:" + absolute("data/blog") + ";AUTO_SERVER=TRUE;MODE=MySQL");
	}

	@Test
	void absoluteHomeMemoryAndOtherUrlsAreUnchanged() {
		for (String url : new String[] { "jdbc:h2:file:/var/db/blog", "jdbc:h2:~/blog", "jdbc:h2:mem:blog",
				"jdbc:h2:tcp://localhost/./blog", "jdbc:postgresql://localhost/./blog" }) {
			assertThat(JdbcUrls.resolveRelativeH2Path(url, this.module)).isEqualTo(url);
		}
	}

	private String absolute(String relative) {
		return this.module.toAbsolutePath().resolve(relative).normalize().toString().replace('\\', '/');
	}

}
