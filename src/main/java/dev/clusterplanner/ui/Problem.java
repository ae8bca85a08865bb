package dev.clusterplanner.ui;

import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;

import java.util.List;

/**
 * Something that went wrong, for the error banner: a headline and the details, one line each
 * (for a rejected file: file, line, column, field and what was wrong). Built through {@link #of}, which
 * never lets a Java exception's class name or a JVM message ("Cannot invoke ... because ... is null") reach the user.
 */
public record Problem(String headline, List<String> details) {

    public Problem {
        details = List.copyOf(details);
    }

    /** "Could not open x.plan.json" with every problem of a rejected file, or the error in plain words. */
    public static Problem of(String headline, Throwable error) {
        if (error instanceof InputRejectedException rejected) {
            return new Problem(headline + " (nothing was loaded)",
                    rejected.problems().stream().map(InputProblem::describe).toList());
        }
        return new Problem(headline, List.of(UserWords.of(error)));
    }

    public String text() {
        return details.isEmpty() ? headline : headline + "\n" + String.join("\n", details);
    }
}
