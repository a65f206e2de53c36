module digestcore.example/weeklydigest

go 1.19
