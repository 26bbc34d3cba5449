package tc0.proofs.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A depth formula as the papers print them: a sum of named depths with integer coefficients, e.g.
 * {@code 5 d_std + 2 d_exp + d_sum}, plus a constant. The names are primitive depths of the float toolkit
 * (d_std, d_sum, d_prod, d_exp, d_sqrt, d_dup, ...) or the depth of another lemma's block (d_log, d_sp, d_select,
 * ...), which {@link #substitute} expands.
 *
 * @param coefficients each name's coefficient, none zero, in the order the names first appear
 * @param constant the constant term
 */
public record DepthFormula(Map<String, Long> coefficients, long constant) {
    public DepthFormula {
        Map<String, Long> kept = new LinkedHashMap<>();
        coefficients.forEach((name, c) -> {
            if (c != 0) kept.put(name, c);
        });
        coefficients = java.util.Collections.unmodifiableMap(kept);
    }

    /** Parses {@code [INT [*]] NAME | INT} terms joined by {@code +}; a name's terms are added up. */
    public static DepthFormula parse(String text) {
        return new Parser(text).formula();
    }

    /** The coefficient of a name, 0 where it does not occur. */
    public long coefficient(String name) {
        return coefficients.getOrDefault(name, 0L);
    }

    /** The formula's value for the given depths of its names; every name must have one. */
    public long evaluate(Map<String, Integer> depths) {
        Evaluation e = evaluate(depths, Map.of());
        if (e.value().isEmpty()) throw new IllegalArgumentException("no depth given for " + String.join(", ", e.missing()) + " in " + this);
        return e.value().getAsLong();
    }

    /** A formula's value, or (empty) the names that neither the depths nor the definitions give. */
    public record Evaluation(OptionalLong value, SortedSet<String> missing) {
        public Evaluation {
            missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
        }
    }

    /**
     * The formula's value: a name by its given depth where there is one, else by its definition's value (expanded
     * the same way; a definition that reaches itself is missing), else the name is missing.
     */
    public Evaluation evaluate(Map<String, Integer> depths, Map<String, DepthFormula> definitions) {
        TreeSet<String> missing = new TreeSet<>();
        long v = value(depths, definitions, missing, new ArrayList<>());
        return new Evaluation(missing.isEmpty() ? OptionalLong.of(v) : OptionalLong.empty(), missing);
    }

    private long value(Map<String, Integer> depths, Map<String, DepthFormula> definitions, TreeSet<String> missing, List<String> path) {
        long v = constant;
        for (Map.Entry<String, Long> e : coefficients.entrySet()) {
            String name = e.getKey();
            Integer given = depths.get(name);
            long x = 0;
            if (given != null) {
                x = given;
            } else if (definitions.containsKey(name) && !path.contains(name)) {
                path.add(name);
                x = definitions.get(name).value(depths, definitions, missing, path);
                path.removeLast();
            } else {
                missing.add(name);
            }
            v = Math.addExact(v, Math.multiplyExact(e.getValue(), x));
        }
        return v;
    }

    public DepthFormula plus(DepthFormula other) {
        Map<String, Long> sum = new LinkedHashMap<>(coefficients);
        other.coefficients.forEach((name, c) -> sum.merge(name, c, Math::addExact));
        return new DepthFormula(sum, Math.addExact(constant, other.constant));
    }

    public DepthFormula times(long factor) {
        Map<String, Long> scaled = new LinkedHashMap<>();
        coefficients.forEach((name, c) -> scaled.put(name, Math.multiplyExact(c, factor)));
        return new DepthFormula(scaled, Math.multiplyExact(constant, factor));
    }

    /**
     * Replaces every name that has a definition by its definition, repeatedly, until only undefined names (the
     * primitives) are left. A definition that reaches itself is an error naming the cycle.
     */
    public DepthFormula substitute(Map<String, DepthFormula> definitions) {
        return expand(definitions, new ArrayList<>());
    }

    private DepthFormula expand(Map<String, DepthFormula> definitions, List<String> path) {
        DepthFormula out = new DepthFormula(Map.of(), constant);
        for (Map.Entry<String, Long> e : coefficients.entrySet()) {
            String name = e.getKey();
            DepthFormula def = definitions.get(name);
            if (def == null) {
                out = out.plus(new DepthFormula(Map.of(name, e.getValue()), 0));
                continue;
            }
            if (path.contains(name)) throw new IllegalArgumentException("depth definitions form a cycle: "
                    + String.join(" -> ", path) + " -> " + name);
            path.add(name);
            out = out.plus(def.expand(definitions, path).times(e.getValue()));
            path.removeLast();
        }
        return out;
    }

    public Set<String> names() {
        return new HashSet<>(coefficients.keySet());
    }

    /** Printed back in the papers' form: {@code 20 d_std + 10 d_sum + d_dup}. */
    @Override
    public String toString() {
        List<String> terms = new ArrayList<>();
        coefficients.forEach((name, c) -> terms.add(c == 1 ? name : c + " " + name));
        if (constant != 0 || terms.isEmpty()) terms.add(Long.toString(constant));
        return String.join(" + ", terms);
    }

    /** A small recursive-descent reader of the term grammar, with the column of what it cannot read. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        DepthFormula formula() {
            DepthFormula f = term();
            while (skipSpaces() && peek() == '+') {
                pos++;
                f = f.plus(term());
            }
            skipSpaces();
            if (pos < text.length()) throw error("expected '+' or the end");
            return f;
        }

        private DepthFormula term() {
            skipSpaces();
            long coefficient = 1;
            boolean number = false;
            if (pos < text.length() && Character.isDigit(peek())) {
                coefficient = number();
                number = true;
                skipSpaces();
                if (pos < text.length() && peek() == '*') {
                    pos++;
                    skipSpaces();
                    if (!startsName()) throw error("expected a name after '*'");
                }
            }
            if (startsName()) return new DepthFormula(Map.of(name(), coefficient), 0);
            if (number) return new DepthFormula(Map.of(), coefficient);
            throw error("expected a number or a name");
        }

        private long number() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(peek())) pos++;
            try {
                return Long.parseLong(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("number too large");
            }
        }

        private String name() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
            return text.substring(start, pos);
        }

        private boolean startsName() {
            return pos < text.length() && (Character.isLetter(peek()) || peek() == '_');
        }

        private boolean skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(peek())) pos++;
            return pos < text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("depth formula '" + text + "', column " + (pos + 1) + ": " + what);
        }
    }
}
