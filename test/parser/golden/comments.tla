This text before the module is ignored, even with odd characters: ? ` ¤
---------------------- MODULE comments ----------------------
(* A block comment (* with a nested one *) ends here. *)
x == 1 \* a line comment
(***************************************************************************
--algorithm Example {
  variables y = 0;
  { y := y + 1; }
}
***************************************************************************)
y == (* inline *) 2
=============================================================================
Text after the module is ignored too: ? ` ¤
