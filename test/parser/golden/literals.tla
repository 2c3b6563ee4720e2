---- MODULE literals ----
Numbers == <<42, \b101, \o17, \h1F, \B11, \O7, \HFF, 1.5, 0>>
Strings == <<"plain", "quote \" inside", "back\\slash", "tab\tnew\nline">>
Names == <<TRUE, FALSE, BOOLEAN, STRING, x_1, a1b>>
====
