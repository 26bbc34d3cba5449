package tc0.dsl.ast;

/** What a tensor's entries are: fixed-point words of the model's precision, or single bits. */
public enum ElemKind {
    FIXED, BIT
}
