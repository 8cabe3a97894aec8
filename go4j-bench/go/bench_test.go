// Package bench holds the Go twins of go4j's JMH benchmarks (go4j-bench/src/main/java/io/github/go4j/bench).
//
// Each benchmark has the shape of its Java twin: one b.N iteration is one batch (the same batch size N as the
// JMH method's @OperationsPerInvocation), goroutines are started and joined inside the batch as the Java side
// starts and joins its virtual threads, and the figure to compare is the custom metric (ns/msg, ns/roundtrip,
// ns/goroutine, ns/round, ns/attempt): the batch's time divided by its size. `./go4j bench` runs them with
// GOMAXPROCS=2, the virtual-thread scheduler's parallelism on the 2-core development machine.
package bench

import (
	"context"
	"sync"
	"testing"
	"time"
)

// Batch sizes: keep them equal to the constants in io.github.go4j.bench.Batch.
const (
	pingPongRounds   = 10_000
	messages         = 100_000
	spawnGoroutines  = 10_000
	cancelWaiters    = 1_000
	cancelRounds     = 10
	selectDefaultOps = 100_000
	tryOps           = 100_000
)

// measure runs batch b.N times and reports the time per unit of work under the metric unit.
func measure(b *testing.B, perBatch int, unit string, batch func()) {
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		batch()
	}
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(b.N)/float64(perBatch), unit)
}

func check(b *testing.B, what string, got, want int) {
	if got != want {
		b.Fatalf("%s: got %d, want %d", what, got, want)
	}
}

// sumTo is 0 + 1 + ... + (n-1), the checksum of a batch that sends 0..n-1.
func sumTo(n int) int { return n * (n - 1) / 2 }

func BenchmarkPingPong(b *testing.B) {
	measure(b, pingPongRounds, "ns/roundtrip", func() {
		ping, pong := make(chan int), make(chan int)
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { // the ponger echoes every value back
			defer wg.Done()
			for i := 0; i < pingPongRounds; i++ {
				pong <- <-ping
			}
		}()
		sum := 0
		go func() { // the pinger
			defer wg.Done()
			for i := 0; i < pingPongRounds; i++ {
				ping <- i
				sum += <-pong
			}
		}()
		wg.Wait()
		check(b, "ping-pong sum", sum, sumTo(pingPongRounds))
	})
}

// transfer moves messages values from producers goroutines to consumers goroutines over ch.
func transfer(b *testing.B, producers, consumers, capacity int) {
	measure(b, messages, "ns/msg", func() {
		ch := make(chan int, capacity)
		var wg sync.WaitGroup
		sums := make([]int, consumers*8) // a cache line (8 ints) per consumer's sum
		perProducer, perConsumer := messages/producers, messages/consumers
		wg.Add(producers + consumers)
		for p := 0; p < producers; p++ {
			base := p * perProducer
			go func() {
				defer wg.Done()
				for i := 0; i < perProducer; i++ {
					ch <- base + i
				}
			}()
		}
		for c := 0; c < consumers; c++ {
			slot := c * 8
			go func() {
				defer wg.Done()
				s := 0
				for i := 0; i < perConsumer; i++ {
					s += <-ch
				}
				sums[slot] = s
			}()
		}
		wg.Wait()
		total := 0
		for c := 0; c < consumers; c++ {
			total += sums[c*8]
		}
		check(b, "transfer sum", total, sumTo(messages))
	})
}

func BenchmarkUnbuffered1P1C(b *testing.B)     { transfer(b, 1, 1, 0) }
func BenchmarkBuffered1P1C16(b *testing.B)     { transfer(b, 1, 1, 16) }
func BenchmarkBuffered1P1C1024(b *testing.B)   { transfer(b, 1, 1, 1024) }
func BenchmarkBuffered4P4C1024(b *testing.B)   { transfer(b, 4, 4, 1024) }
func BenchmarkBuffered100P100C16(b *testing.B) { transfer(b, 100, 100, 16) }

func BenchmarkSelectOfTwo(b *testing.B) {
	measure(b, messages, "ns/msg", func() {
		x, y := make(chan int, 16), make(chan int, 16)
		var wg sync.WaitGroup
		wg.Add(3)
		half := messages / 2
		go func() {
			defer wg.Done()
			for i := 0; i < half; i++ {
				x <- i
			}
		}()
		go func() {
			defer wg.Done()
			for i := half; i < messages; i++ {
				y <- i
			}
		}()
		sum := 0
		go func() {
			defer wg.Done()
			for i := 0; i < messages; i++ {
				select {
				case v := <-x:
					sum += v
				case v := <-y:
					sum += v
				}
			}
		}()
		wg.Wait()
		check(b, "select sum", sum, sumTo(messages))
	})
}

func BenchmarkSpawnWaitGroup(b *testing.B) {
	measure(b, spawnGoroutines, "ns/goroutine", func() {
		var wg sync.WaitGroup
		for i := 0; i < spawnGoroutines; i++ {
			wg.Add(1)
			go func() { wg.Done() }()
		}
		wg.Wait()
	})
}

func BenchmarkCancelFanOut(b *testing.B) {
	measure(b, cancelRounds, "ns/round", func() {
		for r := 0; r < cancelRounds; r++ {
			ctx, cancel := context.WithCancel(context.Background())
			var ready, done sync.WaitGroup
			ready.Add(cancelWaiters)
			done.Add(cancelWaiters)
			for i := 0; i < cancelWaiters; i++ {
				go func() {
					ready.Done()
					<-ctx.Done()
					done.Done()
				}()
			}
			ready.Wait()
			cancel()
			done.Wait()
		}
	})
}

func BenchmarkSelectDefault(b *testing.B) {
	measure(b, selectDefaultOps, "ns/poll", func() {
		x, y := make(chan int), make(chan int)
		misses := 0
		done := make(chan struct{})
		go func() {
			for i := 0; i < selectDefaultOps; i++ {
				select {
				case <-x:
				case <-y:
				default:
					misses++
				}
			}
			close(done)
		}()
		<-done
		check(b, "select-default misses", misses, selectDefaultOps)
	})
}

func BenchmarkTrySendRecv(b *testing.B) {
	measure(b, tryOps, "ns/attempt", func() {
		ch := make(chan int, 16)
		var wg sync.WaitGroup
		perThread := tryOps / 4
		counts := make([]int, 4*8)
		wg.Add(4)
		for t := 0; t < 2; t++ {
			slot := t * 8
			go func() { // a sender: trySend is a select with a default
				defer wg.Done()
				n := 0
				for i := 0; i < perThread; i++ {
					select {
					case ch <- i:
						n++
					default:
					}
				}
				counts[slot] = n
			}()
		}
		for t := 2; t < 4; t++ {
			slot := t * 8
			go func() { // a receiver: tryRecv likewise
				defer wg.Done()
				n := 0
				for i := 0; i < perThread; i++ {
					select {
					case <-ch:
						n++
					default:
					}
				}
				counts[slot] = n
			}()
		}
		wg.Wait()
		sent, received := counts[0]+counts[8], counts[16]+counts[24]
		check(b, "try: sent - received - left", sent-received-len(ch), 0)
	})
}
