---- MODULE except ----
A == [f EXCEPT ![1] = 2]
B == [f EXCEPT ![a][b] = @ + 1, !.c = "x"]
C == [f EXCEPT ![a, b].d = @]
D == [r EXCEPT !.log = Append(@, m)]
====
