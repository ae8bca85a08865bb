package dev.clusterplanner.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * Fuzzing inputs: a valid text with a few random edits (a character replaced, inserted or deleted, a slice
 * deleted or repeated), which reaches far deeper into a reader than random text does, and random text over an
 * alphabet that suits the format. The number of tries is jqwik's default ({@code jqwik.tries.default} in
 * src/test/resources/junit-platform.properties: a short budget for {@code mvn verify}); a longer run:
 * {@code mvn -o test -Dtest='*FuzzTest' -Djqwik.tries.default=20000}.
 */
public final class Mutations {

    private Mutations() {
    }

    /** One edit: where (a fraction of the length), what, and the character it uses. */
    public record Edit(double at, int kind, char c, int span) {
        String apply(String s) {
            int n = s.length();
            int i = n == 0 ? 0 : Math.min(n - 1, (int) (at * n));
            return switch (kind) {
                case 0 -> n == 0 ? String.valueOf(c) : s.substring(0, i) + c + s.substring(i + 1);           // replace
                case 1 -> s.substring(0, i) + c + s.substring(i);                                               // insert
                case 2 -> n == 0 ? s : s.substring(0, i) + s.substring(i + 1);                                  // delete
                case 3 -> s.substring(0, i) + s.substring(Math.min(n, i + span));                               // delete a slice
                default -> s.substring(0, i) + s.substring(i, Math.min(n, i + span)) + s.substring(i);          // repeat a slice
            };
        }
    }

    /** Characters that matter to the formats read here, and a few that must never get through. */
    public static Arbitrary<Character> interestingChars() {
        return Arbitraries.oneOf(
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '\n', '\r', '\t', ' ', '#', '=', '-', '+', '.', 'e', 'E',
                        '0', '1', '9', 'n', 'u', 'l', 't', 'f', '\u0000', '\u001b', '\uFEFF', '\uD800', '\u00e9', ';', '\'', '{'),
                Arbitraries.chars().all());
    }

    public static Arbitrary<String> mutated(String valid) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 4),
                interestingChars(), Arbitraries.integers().between(1, 200)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> {
            String s = valid;
            for (Edit e : edits) {
                s = e.apply(s);
            }
            return s;
        });
    }

    public static Arbitrary<String> randomText(int maxLength) {
        return interestingChars().list().ofMaxSize(maxLength).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /** A valid text, mutated or not, or random text: the mix every fuzz property draws from. */
    public static Arbitrary<String> inputs(List<String> valid, int maxRandomLength) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(valid).flatMap(Mutations::mutated)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(valid)),
                net.jqwik.api.Tuple.of(3, randomText(maxRandomLength)));
    }
}
