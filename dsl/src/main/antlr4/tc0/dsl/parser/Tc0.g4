// The tc0 architecture language. See docs/LANGUAGE.md for the reference.
// The parse tree never leaves the dsl module: ParseTreeToAst turns it into tc0.dsl.ast at once.
grammar Tc0;

program : decl* EOF ;

decl : model | function ;

model : 'model' ID '(' (param (',' param)* ','?)? ')' block ;

param : ID ('=' expr)? ;

function : 'fn' ID '(' (fnParam (',' fnParam)*)? ')' ('->' shape)? block ;

// `X: [m, k]` (a tensor whose sizes m, k are bound at the call) or `heads: int` (a size)
fnParam : ID ':' (shape elemKind? | kind=ID) ;

block : '{' stmt* '}' ;

stmt : 'input' ID ':' shape elemKind? ';'                 # inputStmt
     | 'weight' ID ':' shape elemKind? '=' expr ';'       # weightStmt
     | 'let' ID (':' shape)? '=' expr ';'                 # letStmt
     | ID '=' expr ';'                                    # assignStmt
     | 'for' ID 'in' expr '..' expr block                 # forStmt
     | 'output' ID ('=' expr)? ';'                        # outputStmt
     | 'assert' ID '<=' expr ';'                          # assertStmt
     | 'precision' ID '(' args? ')' ';'                   # precisionStmt
     | 'return' expr ';'                                  # returnStmt
     ;

elemKind : 'bit' ;

shape : '[' expr (',' expr)* ']' ;

expr : expr '[' sliceItem (',' sliceItem)* ']'            # sliceExpr
     | <assoc=right> expr op='^' expr                       # powExpr
     | '-' expr                                           # negExpr
     | expr op=('*' | '/' | '@') expr                     # mulExpr
     | expr op=('+' | '-') expr                           # addExpr
     | 'for' ID 'in' expr '..' expr '{' expr '}'          # forExpr
     | ID '(' args? ')'                                   # callExpr
     | ID                                                 # refExpr
     | INT                                                # intExpr
     | DECIMAL                                            # decimalExpr
     | STRING                                             # stringExpr
     | shape                                              # shapeExpr
     | '(' expr ')'                                       # parenExpr
     ;

sliceItem : from=expr? ':' to=expr?                      # rangeItem
          | expr                                         # indexItem
          ;

args : arg (',' arg)* ;

arg : (ID ':')? expr ;

INT : [0-9]+ ;
DECIMAL : [0-9]+ '.' [0-9]+ ;
STRING : '"' ~["\\\r\n]* '"' ;
ID : [a-zA-Z_] [a-zA-Z_0-9]* ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n]+ -> skip ;
