from genreport.cli import app

app(prog_name="genreport")
