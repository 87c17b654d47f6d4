# The cold-start floor: `pwsh -File` of a script that does nothing.
