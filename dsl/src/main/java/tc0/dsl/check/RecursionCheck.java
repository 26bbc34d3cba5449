package tc0.dsl.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;

/** Finds call cycles among a file's functions (each reported once, naming the cycle) and orders the rest callees first. */
final class RecursionCheck {
    private final Diagnostics diagnostics;
    private final Map<String, Set<String>> calls;
    private final List<Decl.Function> functions;

    RecursionCheck(Diagnostics diagnostics, Map<String, Set<String>> calls, List<Decl.Function> functions) {
        this.diagnostics = diagnostics;
        this.calls = calls;
        this.functions = functions;
    }

    /** Reports every cycle at its first function (in source order) and returns the functions on a cycle. */
    Set<String> recursive() {
        Set<String> onCycle = new LinkedHashSet<>();
        List<String> names = functions.stream().map(Decl.Function::name).toList();
        for (Decl.Function f : functions) {
            List<String> path = cycleFrom(f.name(), f.name(), new ArrayList<>(List.of(f.name())), new HashSet<>());
            if (path == null) {
                continue;
            }
            onCycle.addAll(path);
            int first = path.stream().mapToInt(names::indexOf).filter(i -> i >= 0).min().orElse(-1);
            if (first == names.indexOf(f.name())) {
                diagnostics.error(f.pos(), "recursion is not allowed: " + String.join(" -> ", path));
            }
        }
        return onCycle;
    }

    private List<String> cycleFrom(String start, String at, List<String> path, Set<String> seen) {
        for (String next : calls.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, path, seen);
                if (found != null) {
                    return found;
                }
                path.removeLast();
            }
        }
        return null;
    }

    /** The functions with callees before callers (functions on a cycle are left out). */
    List<Decl.Function> order() {
        Set<String> cyclic = new HashSet<>();
        for (Decl.Function f : functions) {
            if (cycleFrom(f.name(), f.name(), new ArrayList<>(List.of(f.name())), new HashSet<>()) != null) {
                cyclic.add(f.name());
            }
        }
        List<Decl.Function> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Decl.Function f : functions) {
            visit(f, cyclic, done, out);
        }
        return out;
    }

    private void visit(Decl.Function f, Set<String> cyclic, Set<String> done, List<Decl.Function> out) {
        if (cyclic.contains(f.name()) || !done.add(f.name())) {
            return;
        }
        for (String callee : calls.getOrDefault(f.name(), Set.of())) {
            functions.stream().filter(g -> g.name().equals(callee)).findFirst()
                    .ifPresent(g -> visit(g, cyclic, done, out));
        }
        out.add(f);
    }
}
