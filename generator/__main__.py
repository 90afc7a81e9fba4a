from genreport.cli import main

main()
