package dev.pairstudio.sql;

import dev.pairstudio.pair.QueryType;
import java.util.Set;

/** A fixture query with the type and table set it was built to have. */
record FixtureQuery(String sql, String databaseType, QueryType expectedType, Set<String> expectedTables) {}
