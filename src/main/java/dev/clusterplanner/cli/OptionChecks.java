package dev.clusterplanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Locale;

/**
 * Option values checked before any file is read: a value out of range is a usage error (exit 2) that names the
 * option, not a problem blamed on the plan file.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    /** A whole number from {@code min} to {@code max}; null (option not given) passes. */
    static void range(CommandSpec spec, String option, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw usage(spec, option + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** A finite number from {@code min} to {@code max}; null (option not given) passes. NaN and infinities are refused. */
    static void range(CommandSpec spec, String option, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw usage(spec, option + " must be a number between " + fmt(min) + " and " + fmt(max) + ", got " + value);
        }
    }

    /** An output path: '-' (standard output) only where {@code dashAllowed}; never blank. */
    static void output(CommandSpec spec, String option, String value) {
        if (value != null && value.isBlank()) {
            throw usage(spec, option + " needs a file name (or '-' for standard output)");
        }
    }

    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.valueOf(v);
    }
}
