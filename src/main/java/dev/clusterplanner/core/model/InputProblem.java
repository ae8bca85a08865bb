package dev.clusterplanner.core.model;

/**
 * One thing wrong with an input file, pointing at where it is: file, line and column (1-based,
 * 0 when unknown), the field, and a plain sentence.
 */
public record InputProblem(String file, int line, int column, String field, String message) {

    /** "plan.json:12:5: sites/0/workloads/1/memoryGib: memoryGib must be greater than 0, got 0". */
    public String describe() {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
