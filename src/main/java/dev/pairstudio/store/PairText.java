package dev.pairstudio.store;

/** A stored pair's identity and texts alone: what a second look at pairs already read needs ({@link Database#forEachText}). */
public record PairText(long id, String pairId, String question, String sql, String databaseName) {}
