package tc0.dsl.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc0.dsl.Diagnostics;
import tc0.dsl.ast.Decl;

/**
 * Finds call cycles among a file's functions (each strongly connected set of functions reported once,
 * naming a cycle) and orders the rest callees first. Tarjan's algorithm with an explicit stack: linear in
 * the calls and never deeper than a few frames of Java stack, so a cycle through thousands of functions is
 * found in milliseconds.
 */
final class RecursionCheck {
    /** A cycle longer than this is named by its first functions, its last and its length. */
    private static final int NAMED = 8;

    private final Diagnostics diagnostics;
    private final List<Decl.Function> functions;
    private final int[][] callees;
    private final List<int[]> components = new ArrayList<>();

    RecursionCheck(Diagnostics diagnostics, Map<String, Set<String>> calls, List<Decl.Function> functions) {
        this.diagnostics = diagnostics;
        this.functions = functions;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < functions.size(); i++) {
            index.putIfAbsent(functions.get(i).name(), i);
        }
        callees = new int[functions.size()][];
        for (int i = 0; i < functions.size(); i++) {
            callees[i] = calls.getOrDefault(functions.get(i).name(), Set.of()).stream()
                    .filter(index::containsKey).mapToInt(index::get).toArray();
        }
        tarjan();
    }

    /** Reports every cycle at its first function (in source order) and returns the functions on a cycle. */
    Set<String> recursive() {
        Set<String> onCycle = new LinkedHashSet<>();
        for (int[] c : components) {
            if (!cyclic(c)) {
                continue;
            }
            int first = Arrays.stream(c).min().orElseThrow();
            Arrays.stream(c).sorted().forEach(i -> onCycle.add(functions.get(i).name()));
            diagnostics.error(functions.get(first).pos(), "recursion is not allowed: " + describe(cycleFrom(first, c)));
        }
        return onCycle;
    }

    /** The functions with callees before callers (functions on a cycle are left out). */
    List<Decl.Function> order() {
        List<Decl.Function> out = new ArrayList<>();
        for (int[] c : components) {
            if (!cyclic(c)) {
                out.add(functions.get(c[0]));
            }
        }
        return out;
    }

    private boolean cyclic(int[] component) {
        return component.length > 1 || Arrays.stream(callees[component[0]]).anyMatch(j -> j == component[0]);
    }

    /**
     * Tarjan's strongly connected components, roots in source order and callees in call order; components
     * come out callees first, so the non-cyclic ones are already in checking order.
     */
    private void tarjan() {
        int n = functions.size();
        int[] index = new int[n], low = new int[n], next = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> path = new ArrayDeque<>();
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            index[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            path.push(root);
            while (!path.isEmpty()) {
                int v = path.peek();
                if (next[v] < callees[v].length) {
                    int w = callees[v][next[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        path.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    low[path.peek()] = Math.min(low[path.peek()], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    components.add(component.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
    }

    /** A shortest cycle from {@code start} back to it inside its component (breadth first), as function indices. */
    private List<Integer> cycleFrom(int start, int[] component) {
        Set<Integer> inside = new java.util.HashSet<>();
        Arrays.stream(component).forEach(inside::add);
        Map<Integer, Integer> parent = new HashMap<>();
        Deque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : callees[v]) {
                if (w == start) {
                    List<Integer> cycle = new ArrayList<>(List.of(start));
                    for (int u = v; u != start; u = parent.get(u)) {
                        cycle.add(u);
                    }
                    cycle.add(start);
                    java.util.Collections.reverse(cycle);
                    return cycle;
                }
                if (inside.contains(w) && !parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + functions.get(start).name());
    }

    /** {@code f -> g -> f}; a long cycle as {@code f0 -> f1 -> ... -> f4999 -> f0 (5000 functions)}. */
    private String describe(List<Integer> cycle) {
        List<String> names = cycle.stream().map(i -> functions.get(i).name()).toList();
        if (names.size() <= NAMED + 2) {
            return String.join(" -> ", names);
        }
        return String.join(" -> ", names.subList(0, NAMED)) + " -> ... -> " + names.get(names.size() - 2) + " -> "
                + names.getLast() + " (" + (names.size() - 1) + " functions)";
    }
}
