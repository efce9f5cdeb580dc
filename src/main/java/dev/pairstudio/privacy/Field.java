package dev.pairstudio.privacy;

/** Which text a finding was made in; {@link #jsonName()} is the CLI's {@code field} value. */
public enum Field {
    TEXT("text"),
    QUESTION("question"),
    SQL("sql"),
    DATABASE_NAME("database_name");

    private final String jsonName;

    Field(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
