package tc0.dsl.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tc0.dsl.CheckResult;
import tc0.dsl.Dsl;

/**
 * concat over a loop: the checker knows the joined shape symbolically (the body's shape, its axis times the
 * loop's length), for every parameter value, and checks the body once with the loop variable as a symbol.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcatLoopCheckTest {
    private static CheckResult check(String declared, String loop) {
        return Dsl.check("""
                fn head(X: [m, k], w: int) -> [m, w] {
                    weight W: [k, w] = random(seed: 5);
                    return X @ W;
                }
                model m(n = 4, d = 6, heads = 3, w = 2) {
                    precision fixed(int: 8, frac: 4);
                    input X: [n, d];
                    let H: %s = concat(%s, axis: 1);
                    output Y = H;
                }
                """.formatted(declared, loop), "m.tc0");
    }

    @Test
    void theJoinedShapeIsThePiecesTimesTheLoopsLength() {
        CheckResult r = check("[n, heads * w]", "for h in 0 .. heads { head(X, w) }");
        assertTrue(r.ok(), r.render());
        CheckResult shifted = check("[n, (heads - 1) * w]", "for h in 1 .. heads { head(X, w) }");
        assertTrue(shifted.ok(), shifted.render());
        CheckResult sliced = check("[n, heads * 2]", "for h in 0 .. heads { X[:, 2*h : 2*h + 2] }");
        assertTrue(sliced.ok(), sliced.render());
    }

    @Test
    void aWrongDeclaredShapeIsAnError() {
        CheckResult r = check("[n, w]", "for h in 0 .. heads { head(X, w) }");
        assertTrue(!r.ok() && r.render().contains("'H' is declared [n, w] but its value has shape [n, heads*w]"), r.render());
    }

    @Test
    void theLoopVariableIsASizeInTheBodyOnly() {
        CheckResult r = check("[n, heads * w]", "for h in 0 .. heads { head(X, w) * h }");
        assertTrue(r.ok(), r.render());
        CheckResult outside = Dsl.check("""
                model m(n = 4) {
                    precision fixed(int: 8, frac: 4);
                    input X: [n, n];
                    let H = concat(for h in 0 .. 2 { X }, axis: 0) * h;
                    output Y = H;
                }
                """, "m.tc0");
        assertTrue(!outside.ok() && outside.render().contains("unknown name 'h'"), outside.render());
    }
}
