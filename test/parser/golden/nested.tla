---- MODULE nested ----
---- MODULE Inner ----
VARIABLE v
Get == v
====
A == 1
-----------------------------------------------------------------------------
B == INSTANCE Inner WITH v <- A
====
