"""What every stage uses and none owns: whole-or-nothing file writes (`files`), the progress hook (`progress`)
and work forked beside the running process (`forked`). It imports no other diplograph package."""
