module github.com/go4j/go4j-bench

go 1.19
