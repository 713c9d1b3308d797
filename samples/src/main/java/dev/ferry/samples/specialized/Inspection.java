package dev.ferry.samples.specialized;

import java.io.Serializable;

/**
 * What the {@link Worker} found in one object it read: its answer to the {@link Driver}.
 *
 * @param workerClass the simple name, in the worker, of the class the sample's specialization is there
 * @param identical   whether that class is the very one the worker's library returns for the sample's
 *                    specialization ({@code TypedModels.specialize(Box.class, Integer.class) == read.getClass()})
 * @param state       the object as its {@code toString} shows it in the worker, set fields and values included
 * @param validations how many validations ran in the worker while it read the object
 * @param generated   how many classes the worker's library generated while it read the object
 * @param echo        the object itself, written back so that the driver can read it in turn
 */
record Inspection(String workerClass, boolean identical, String state, long validations, int generated,
        Object echo) implements Serializable {
}
