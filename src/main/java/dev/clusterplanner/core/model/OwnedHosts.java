package dev.clusterplanner.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Hosts of one catalog row the organisation already owns (plan file: a site's {@code owned} list). They cost no
 * purchase in the plan, only what they cost to run.
 *
 * @param hardware  the catalog id of the row they are (its capacity, power and rack units are taken from it)
 * @param count     how many
 * @param purchased when they were bought (null = unknown): their age drives their failure rate
 * @param priceUsd  what one cost when bought (null = unknown): sunk, shown but not counted as a purchase
 */
public record OwnedHosts(String hardware, int count, LocalDate purchased, Double priceUsd) {

    public OwnedHosts {
        Objects.requireNonNull(hardware, "hardware");
    }
}
