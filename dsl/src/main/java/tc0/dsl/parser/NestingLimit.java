package tc0.dsl.parser;

import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Refuses input nested deeper than {@link #MAX_DEPTH} before the parser runs, so that nothing recursive (the
 * parser, the tree walk, the checkers) can overflow the stack: the same input gets the same answer on every
 * run and with every stack size. The depth counted at a token is an upper bound on the syntax tree's depth
 * there: one per open bracket or brace, plus one per operator since the last separator ({@code , ; : = .. ->
 * <=}) at each open level, since {@code a + b + c} nests as {@code (a + b) + c}. Linear in the tokens, an int
 * per open level.
 */
final class NestingLimit {
    /**
     * The deepest nesting accepted: brackets, blocks and operators of one expression together. The stages take about
     * 1 KB of stack a level (150-250 KB at 200 levels, measured), so this fits the JVM's default 1 MB thread stack.
     */
    static final int MAX_DEPTH = 200;

    private static final byte OTHER = 0, OPEN = 1, CLOSE = 2, OPERATOR = 3, SEPARATOR = 4, OPERAND = 5;
    private static final byte[] KIND = kinds(Tc0Lexer.VOCABULARY);

    private NestingLimit() {}

    /** The first token at which the depth passes {@link #MAX_DEPTH}, or null. */
    static Token firstTooDeep(List<Token> tokens) {
        int[] ops = new int[16]; // operators since the last separator, per open level; [0] is the top level
        boolean[] slice = new boolean[16]; // whether the bracket opening a level is a slice of what stands before it
        int level = 0;
        int depth = 0;
        byte previous = OTHER;
        for (Token t : tokens) {
            int type = t.getType();
            byte kind = type >= 0 && type < KIND.length ? KIND[type] : OTHER;
            // a slice of what stands before it (X[..][..], f(X)[..]) nests on its left like an operator: one level,
            // its bracket's contents one below it, the level kept (as an operator's) until the next separator
            boolean slices = kind == OPEN && (previous == OPERAND || previous == CLOSE) && t.getText().equals("[");
            previous = kind;
            switch (kind) {
                case OPEN -> {
                    if (++level == ops.length) {
                        ops = Arrays.copyOf(ops, level * 2);
                        slice = Arrays.copyOf(slice, level * 2);
                    }
                    if (slices) ops[level - 1]++;
                    ops[level] = 0;
                    slice[level] = slices;
                    depth++;
                }
                case CLOSE -> {
                    if (level > 0) {
                        depth -= (slice[level] ? 0 : 1) + ops[level];
                        level--;
                    }
                }
                case OPERATOR -> {
                    ops[level]++;
                    depth++;
                }
                case SEPARATOR -> {
                    depth -= ops[level];
                    ops[level] = 0;
                }
                default -> { }
            }
            if (depth > MAX_DEPTH) return t;
        }
        return null;
    }

    private static byte[] kinds(Vocabulary v) {
        byte[] kinds = new byte[v.getMaxTokenType() + 1];
        for (int type = 0; type < kinds.length; type++) {
            String literal = v.getLiteralName(type);
            kinds[type] = literal == null ? OPERAND : switch (literal) { // no literal: a name, number or string
                case "'('", "'['", "'{'" -> OPEN;
                case "')'", "']'", "'}'" -> CLOSE;
                case "'+'", "'-'", "'*'", "'/'", "'@'", "'^'" -> OPERATOR;
                case "','", "';'", "':'", "'='", "'..'", "'->'", "'<='" -> SEPARATOR;
                default -> OTHER;
            };
        }
        return kinds;
    }
}
