module digestcore.example/ffi

go 1.19
