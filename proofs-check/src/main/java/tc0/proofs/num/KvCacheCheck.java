package tc0.proofs.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tc0.proofs.catalog.CheckKind;
import tc0.proofs.check.Outcome;
import tc0.proofs.check.Verdict;

/**
 * NUM for the KV-cache space barrier: {@link KvDecoding}'s instance at d = 4 ceil(log2 N) (N^2 for tensor attention's pairs) must give back every one of
 * its N d bits from attention outputs with the whole cache, and every kept bit with every 8th token dropped, while the
 * dropped tokens' bits come out no better than coin flips; at d = 2, below log N, the random keys collide and some bits
 * are lost. N = n^2: the tokens of an n x n image.
 */
final class KvCacheCheck {
    static final String NOT_SHOWN = "the communication lower bound (that no cache with fewer bits answers even approximately), "
            + "only that this instance's attention outputs give back N d random bits; the tokens are taken as N = n^2 (an n x n "
            + "image's), the question the claim leaves open";
    static final int DROP_EVERY = 8;

    private KvCacheCheck() {}

    /** 4 ceil(log2 of the keys a query competes with): N tokens, or N^2 pairs of them for tensor attention. */
    static int width(int tokens, boolean tensor) {
        long keys = tensor ? (long) tokens * tokens : tokens;
        return 4 * (64 - Long.numberOfLeadingZeros(keys - 1));
    }

    static Outcome run(String paper, String claim, boolean tensor, List<Integer> sides) {
        List<String> figures = new ArrayList<>();
        Verdict v = new Verdict.Holds();
        for (int side : sides) {
            int tokens = side * side, width = width(tokens, tensor);
            KvDecoding.Result all = KvDecoding.run(tokens, width, 0, tensor, side);
            KvDecoding.Result dropped = KvDecoding.run(tokens, width, DROP_EVERY, tensor, side);
            KvDecoding.Result narrow = KvDecoding.run(tokens, 2, 0, tensor, side);
            double lostRate = (double) dropped.wrongDropped() / dropped.dropped();
            figures.add(String.format(Locale.ROOT, "n = %d (N = %d tokens), d = %d: %d of %d bits wrong with the whole cache; every %dth "
                    + "token dropped: %d of %d kept bits wrong, %d of %d dropped bits wrong (%.2f); d = 2: %d of %d wrong",
                    side, tokens, width, all.wrong(), all.bits(), DROP_EVERY, dropped.wrong(), dropped.bits() - dropped.dropped(),
                    dropped.wrongDropped(), dropped.dropped(), lostRate, narrow.wrong(), narrow.bits()));
            String at = "n=" + side;
            if (all.wrong() > 0 || dropped.wrong() > 0) v = PolynomialMethodCheck.worse(v, new Verdict.Fails(at, "a kept token's bit decoded wrongly at d = " + width));
            else if (lostRate < 0.3 || lostRate > 0.7) v = PolynomialMethodCheck.worse(v, new Verdict.Fails(at,
                    String.format(Locale.ROOT, "dropped tokens' bits %.2f wrong: not lost with the token", lostRate)));
            else if (narrow.wrong() == 0) v = PolynomialMethodCheck.worse(v, new Verdict.Fails(at, "every bit decoded at d = 2: the width plays no part"));
        }
        String instances = (tensor ? "tensor attention over pairs of tokens" : "attention") + ", n = "
                + String.join(", ", sides.stream().map(String::valueOf).toList()) + ", N = n^2 tokens, random sign keys, beta = 4 ln N";
        return new Outcome(paper, claim, CheckKind.NUM, "KV-cache decoding", instances, figures, v, NOT_SHOWN);
    }
}
