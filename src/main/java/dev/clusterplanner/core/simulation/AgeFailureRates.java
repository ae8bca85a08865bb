package dev.clusterplanner.core.simulation;

import java.util.Arrays;

/**
 * How a host's annual failure rate grows with its age: a multiplier of the base rate ({@code Reliability.hostAfr}) by age
 * in years, interpolated linearly between the points and held beyond the last. Data, not code: {@link #DEFAULT} is the
 * planner's estimate, documented in docs/user/risk.md and decision 0301.
 *
 * @param ageYears   ages in years, ascending, the first 0
 * @param multiplier the multiplier at each age (1 = the base rate)
 * @param source     where the figures come from, with addresses and dates, or why they are an estimate
 */
public record AgeFailureRates(double[] ageYears, double[] multiplier, String source) {

    /**
     * Estimate: 1 x the base rate up to 5 years (the planner's hardware life), rising linearly to 3.27 x at 10 years and
     * held there. 3.27 = 4.25 % / 1.30 %: Backblaze's 2025 drive figures (annualized failure rate peaking at 4.25 % at
     * 10 years 3 months of age, about 1.30 % in the first year). Those are hard drives, not whole servers, so applying the
     * ratio to a host is an estimate; a study of critical server failures (Service Express, 2020) found them flat with age,
     * so it may overstate the rise.
     */
    public static final AgeFailureRates DEFAULT = new AgeFailureRates(new double[]{0, 5, 10}, new double[]{1, 1, 4.25 / 1.30},
            "estimate: 1 x the base rate up to 5 years, rising linearly to 4.25 % / 1.30 % = 3.27 x at 10 years (Backblaze's 2025"
                    + " hard-drive failure rates by age, https://www.backblaze.com/blog/are-hard-drives-getting-better-lets-revisit-the-bathtub-curve,"
                    + " as reported at https://cloudnews.tech/hard-drives-last-longer-backblaze-debunks-the-bathtub-curve-and-sees-failure-peaks-much-later-and-lower,"
                    + " read 2026-12-06); drives, not whole servers: Service Express found critical server failures flat with age"
                    + " (https://datacenterfrontier.com/bathtub-curve-data-center-equipment/, 2020-05-11, read 2026-12-06)");

    public AgeFailureRates {
        ageYears = ageYears.clone();
        multiplier = multiplier.clone();
        if (ageYears.length == 0 || ageYears.length != multiplier.length) {
            throw new IllegalArgumentException("an age table needs as many multipliers as ages, and at least one");
        }
        for (int i = 1; i < ageYears.length; i++) {
            if (!(ageYears[i] > ageYears[i - 1])) {
                throw new IllegalArgumentException("ages must ascend, got " + Arrays.toString(ageYears));
            }
        }
        for (double m : multiplier) {
            if (!(m >= 0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("multipliers must be 0 or more, got " + Arrays.toString(multiplier));
            }
        }
    }

    @Override
    public double[] ageYears() {
        return ageYears.clone();
    }

    @Override
    public double[] multiplier() {
        return multiplier.clone();
    }

    /** The multiplier at {@code age} years: linear between the table's points, the first before it, the last after it. */
    public double multiplierAt(double age) {
        if (age <= ageYears[0]) {
            return multiplier[0];
        }
        for (int i = 1; i < ageYears.length; i++) {
            if (age <= ageYears[i]) {
                double f = (age - ageYears[i - 1]) / (ageYears[i] - ageYears[i - 1]);
                return multiplier[i - 1] + f * (multiplier[i] - multiplier[i - 1]);
            }
        }
        return multiplier[multiplier.length - 1];
    }

    /** The annual failure rate of a host {@code age} years old: base x multiplier, at most 0.999999. */
    public double afr(double baseAfr, double age) {
        return Math.min(0.999999, baseAfr * multiplierAt(age));
    }
}
