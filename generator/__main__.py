from genreport.cli import run

run()
