from genreport.launch import main

main()
