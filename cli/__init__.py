"""The command line and the pipeline that chains the stages."""
