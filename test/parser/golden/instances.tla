---- MODULE instances ----
EXTENDS Naturals
CONSTANTS N, F(_, _), _ ++ _
VARIABLES x, y
INSTANCE Counter WITH c <- x
I == INSTANCE Counter WITH c <- y, Limit <- N + 1
P(k) == INSTANCE Counter WITH c <- k
LOCAL L == INSTANCE Helper
Use == I!Next /\ P(1)!Init /\ I!Inc(2)
a ++ b == a + b
-. a == 0 - a
a ^+ == a
Apply(G(_), v) == G(v)
f[n \in Nat] == IF n = 0 THEN 1 ELSE n * f[n - 1]
RECURSIVE R(_)
R(n) == IF n = 0 THEN 0 ELSE R(n - 1)
H == Apply(LAMBDA z : z + 1, 3)
Labelled == lbl :: x > 0
====
