/**
 * Circuit evaluation on a CUDA GPU through Java's foreign-function API, with no build-time CUDA step:
 * {@link tc0.circuits.gpu.KernelArraysCompiler} turns a circuit into level-ordered flat arrays
 * ({@link tc0.circuits.gpu.KernelArrays}); {@link tc0.circuits.gpu.BatchedProgram} uploads them once and
 * runs batches of bit-packed patterns through the kernels of {@code levels.cu} (compiled by NVRTC at first
 * use, PTX cached) on a {@link tc0.circuits.gpu.KernelRunner}: the device ({@code CudaRunner}, over the
 * hand-written downcalls of {@code CudaDriver} and {@code Nvrtc}) or {@code KernelSimulator}, the same
 * kernels in Java, which is how the layout and the algorithm are tested without a GPU.
 * {@link tc0.circuits.gpu.Backend} picks cpu, gpu or auto.
 */
package tc0.circuits.gpu;
