package tc0.dsl.parser;

import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Pos;
import tc0.dsl.ast.Program;

/**
 * Parses source text into a {@link Program}; syntax errors go to the diagnostics, never to the console. Input
 * nested past {@link NestingLimit#MAX_DEPTH} is refused before the parser runs; lexing and parsing stop at
 * {@link Diagnostics#KEEP} errors.
 */
public final class SourceParser {
    private SourceParser() {}

    /** The program, or empty when there were syntax errors (all of them reported). */
    public static Optional<Program> parse(String source, Diagnostics diagnostics) {
        int before = diagnostics.count();
        Listener listener = new Listener(diagnostics);
        Tc0Lexer lexer = new Tc0Lexer(CharStreams.fromString(source, diagnostics.file()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        try {
            tokens.fill();
        } catch (TooManyErrors e) {
            diagnostics.stop();
            return Optional.empty();
        }
        Token deep = NestingLimit.firstTooDeep(tokens.getTokens());
        if (deep != null) {
            diagnostics.error(new Pos(Math.max(1, deep.getLine()), deep.getCharPositionInLine() + 1), "nested too deeply:"
                    + " more than " + NestingLimit.MAX_DEPTH + " levels of brackets, blocks and operators in a row;"
                    + " split the expression with 'let'");
            return Optional.empty();
        }
        Tc0Parser parser = new Tc0Parser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        Tc0Parser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (TooManyErrors e) {
            diagnostics.stop();
            return Optional.empty();
        }
        if (diagnostics.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new ParseTreeToAst(diagnostics).program(tree));
    }

    /**
     * Stops the lexer or parser once {@link Diagnostics#KEEP} errors are recorded: each of the lexer's errors costs an
     * exception, and a file of garbage holds millions. No stack trace: it is caught in {@link #parse}.
     */
    private static final class TooManyErrors extends RuntimeException {
        TooManyErrors() {
            super(null, null, false, false);
        }
    }

    /** Turns ANTLR's reports into positioned diagnostics with friendlier wording. */
    private static final class Listener extends BaseErrorListener {
        private final Diagnostics diagnostics;

        Listener(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            diagnostics.error(new Pos(Math.max(1, line), charPositionInLine + 1), wording(recognizer, offendingSymbol, msg));
            if (diagnostics.full()) {
                throw new TooManyErrors();
            }
        }

        private static String wording(Recognizer<?, ?> recognizer, Object offending, String msg) {
            if (offending instanceof Token t && t.getType() == Token.EOF) {
                return "syntax error: unexpected end of file" + (msg.contains("'}'") ? "; a '}' is missing" : "");
            }
            if (offending instanceof Token t && msg.contains("expecting ID") && t.getText().matches("[a-z]+")) {
                return "syntax error: '" + t.getText() + "' is a keyword and cannot be used as a name";
            }
            String m = msg.replace("<EOF>", "end of file").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t");
            if (recognizer instanceof Lexer && m.startsWith("token recognition error at: '\"")) {
                return "unterminated string: a string ends with \" on the same line";
            }
            if (recognizer instanceof Lexer && m.startsWith("token recognition error at: ")) {
                return "unexpected character " + m.substring("token recognition error at: ".length());
            }
            return "syntax error: " + m;
        }
    }
}
