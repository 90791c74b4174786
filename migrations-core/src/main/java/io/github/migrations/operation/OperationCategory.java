package io.github.migrations.operation;

/**
 * The symbol printed before an operation's description, as Django's {@code OperationCategory}.
 *
 * @since 0.1
 */
public enum OperationCategory {

	ADDITION("+"), REMOVAL("-"), ALTERATION("~"), PYTHON("p"), SQL("s"), MIXED("?");

	private final String symbol;

	OperationCategory(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return this.symbol;
	}

}
