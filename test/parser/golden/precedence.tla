---- MODULE precedence ----
EXTENDS Naturals, Integers
Sum == 1 + 2 * 3 - 4
Minus == -7 \div 2
Assoc == a - b - c + d
Logic == ~ a = b /\ c \in S \cup T => d
Prod == Nat \X Nat \X BOOLEAN
Ranges == 1..N+1
Prime == x' = x + 1
Sets == SUBSET S \ T
Funcs == f[x]'.field
====
