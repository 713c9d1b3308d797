package dev.ferry.it.agents.isolated;

import java.io.Serializable;

/** A plain serializable value, for a reader whose stream resolves classes through an isolating loader. */
public record Parcel(String label, int count) implements Serializable {
}
