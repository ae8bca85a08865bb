package dev.clusterplanner.core.model;

import java.util.List;
import java.util.stream.Collectors;

/** An input file was rejected as a whole; nothing of it was applied. Carries every problem found. */
public class InputRejectedException extends Exception {

    private final transient List<InputProblem> problems;

    public InputRejectedException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InputRejectedException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
