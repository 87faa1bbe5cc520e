// SPDX-License-Identifier: MIT
/*
 * The small system calls: the break, time, sleeping, usage figures, the
 * system's names (uname), the process list for ps, a process's VMAs for
 * pmap (mapinfo, mm/task_mmu.c), the VM's counters for vmstat, the VM
 * audit for the fuzzers, a thread's name (prctl), and power-off.
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <kernel/errno.h>
#include <kernel/fs/fs.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/sys.h>
#include <kernel/time.h>
#include <linux/prctl.h>
#include <mm/mm.h>
#include <mm/memory.h>
#include <mm/mmap.h>
#include <mm/mmap_lock.h>
#include <mm/vm_audit.h>
#include <pagoda/abi.h>
#include <pagoda/syscall.h>

/* brk(0) asks for the break; brk(addr) tries to move it there. */
long sys_brk(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	long ret;

	mmap_write_lock(mm);
	ret = addr ? do_brk(mm, addr) : mm->brk;
	mmap_write_unlock(mm);
	return ret;
}

static void ticks_to_timeval(unsigned long ticks, struct timeval *tv)
{
	tv->tv_sec = ticks / HZ;
	tv->tv_usec = (ticks % HZ) * (1000000 / HZ);
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	struct task_struct *t = current;
	struct rusage r = { 0 };

	if (who == RUSAGE_SELF) {
		ticks_to_timeval(t->utime, &r.ru_utime);
		ticks_to_timeval(t->stime, &r.ru_stime);
		r.ru_minflt = t->min_flt;
		r.ru_majflt = t->maj_flt;
	} else if (who == RUSAGE_CHILDREN) {
		ticks_to_timeval(t->cutime, &r.ru_utime);
		ticks_to_timeval(t->cstime, &r.ru_stime);
		r.ru_minflt = t->cmin_flt;
		r.ru_majflt = t->cmaj_flt;
	} else {
		return -EINVAL;
	}
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/*
 * CLOCK_MONOTONIC counts from boot, finer than the tick (ktime_get_ns,
 * kernel/time.c); CLOCK_REALTIME is the same clock from the date the
 * hardware clock gave at boot (ktime_get_real_ns).  The CPU-time clocks count the
 * calling thread's or its whole process's time on a CPU by the same clock
 * (kernel/sched.c); so do the clocks of another process or thread
 * (posix_cpu_clock_get).
 */
_Static_assert(HZ == USER_HZ, "procinfo's CPU times are in USER_HZ ticks");

long sys_clock_gettime(int clock, struct timespec __user *tp)
{
	struct timespec ts;
	u64 now;

	switch (clock) {
	case CLOCK_REALTIME:
		now = ktime_get_real_ns();
		break;
	case CLOCK_MONOTONIC:
		now = ktime_get_ns();
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
		now = thread_group_cputime(current->group_leader);
		break;
	case CLOCK_THREAD_CPUTIME_ID:
		now = task_cputime(current);
		break;
	default:
		if (posix_cpu_clock_get(clock, &now))
			return -EINVAL;
	}
	ts = (struct timespec){ now / NSEC_PER_SEC, now % NSEC_PER_SEC };
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static struct wait_queue tick_wait = WAIT_QUEUE_INIT(tick_wait);

/* Every tick wakes the sleepers, and each checks its own deadline. */
void wake_sleepers(void)
{
	wake_up(&tick_wait);
	poll_tick();
}

/*
 * A stop, or a signal that runs no handler, does not end the sleep: the
 * call is made again (ERESTART_RESTARTBLOCK) and sleeps on to the same
 * deadline.  rem is written for the EINTR a handler makes of it.
 */
long sys_nanosleep(const struct timespec __user *req,
		   struct timespec __user *rem)
{
	struct signal_state *s = &current->signal;
	unsigned long until = s->restart_until;

	if (!s->restart_sleep) {
		struct timespec ts;
		int err = get_user_timespec(&ts, req);

		if (err)
			return err;
		until = jiffies + timespec_to_jiffies(&ts);
	}
	s->restart_sleep = false;
	if (!wait_event(&tick_wait, (long)(jiffies - until) >= 0))
		return 0;
	if (rem) {
		long left = (long)(until - jiffies);
		struct timespec r = jiffies_to_timespec(left > 0 ? left : 0);

		copy_to_user(rem, &r, sizeof(r));
	}
	s->restart_until = until;
	return -ERESTART_RESTARTBLOCK;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

/*
 * The system's names.  Pagoda has no numbered releases: the release says
 * which kernel answers, the machine is the port's (UTS_MACHINE,
 * <asm/processor.h>, what Linux's uname -m prints there).  The host name
 * is fixed: there is no sethostname.
 */
long sys_uname(struct utsname __user *name)
{
	static const struct utsname uts = {
		.sysname = "Pagoda",
		.nodename = "pagoda",
		.release = "1.0",
		.version = "#1 SMP",
		.machine = UTS_MACHINE,
		.domainname = "(none)",
	};

	return copy_to_user(name, &uts, sizeof(uts)) ? -EFAULT : 0;
}

/*
 * Process controls, Linux's call: only the thread's name (what ps shows),
 * which programs and test harnesses set to tell their processes apart.
 * A longer name is cut to 15 bytes, as Linux does.
 */
long sys_prctl(int option, unsigned long arg2)
{
	char name[TASK_COMM_LEN];
	long n;

	switch (option) {
	case PR_SET_NAME:
		n = strncpy_from_user(name, (const char __user *)arg2,
				      sizeof(name) - 1);
		if (n == -EFAULT)
			return n;
		name[sizeof(name) - 1] = '\0';
		strscpy(current->comm, name, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm,
				    sizeof(current->comm))
			       ? -EFAULT
			       : 0;
	default:
		return -EINVAL;
	}
}

long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo si = {
		.uptime = jiffies / HZ,
		.totalram = nr_managed_pages() * PAGE_SIZE,
		.freeram = nr_free_pages() * PAGE_SIZE,
		.procs = nr_tasks,
		.pagecache = pagecache_pages() * PAGE_SIZE,
		.page_size = PAGE_SIZE,
		.cpus = num_online_cpus(),
	};

	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

/*
 * Is t the first live thread of its process, which (as every thread of it)
 * uses the process's mm?  So that each mm is audited once.
 */
static bool mm_first_user(struct task_struct *t)
{
	return t == list_first_entry(&t->group_leader->thread_head,
				     struct task_struct, thread_node);
}

static char state_letter(const struct task_struct *t)
{
	if (t->state == TASK_ZOMBIE)
		return 'Z';
	if (t->state == TASK_STOPPED)
		return 'T';
	return t->state == TASK_SLEEPING ? 'S' : 'R';
}

/*
 * A process's figures for ps: its threads' faults and CPU ticks added up
 * (a thread that has exited no longer counts), the leader's state.
 */
static void fill_procinfo(struct procinfo *pi, const struct task_struct *t)
{
	const struct task_struct *th;

	pi->pid = t->pid;
	pi->ppid = t->parent ? t->parent->pid : 0;
	pi->state = state_letter(t);
	strscpy(pi->name, t->comm, sizeof(pi->name));
	pi->rss_pages = t->mm ? t->mm->rss : 0;
	pi->hz = HZ;
	pi->cpu = t->cpu;
	list_for_each_entry (th, &t->thread_head, thread_node) {
		pi->min_flt += th->min_flt;
		pi->cow_flt += th->cow_flt;
		pi->utime_ticks += th->utime;
		pi->stime_ticks += th->stime;
		pi->nr_threads++;
	}
}

/*
 * The index-th process (kernel threads included; the threads of a process
 * are its one entry), -ESRCH past the last, -EINVAL before the first.
 */
long sys_procinfo(int index, struct procinfo __user *info)
{
	struct task_struct *t;

	if (index < 0)
		return -EINVAL;
	list_for_each_entry (t, &all_tasks, task_link) {
		struct procinfo pi = { 0 };

		if (!t->pid || t->state == TASK_DEAD ||
		    !thread_group_leader(t) || index-- > 0)
			continue;
		fill_procinfo(&pi, t);
		return copy_to_user(info, &pi, sizeof(pi)) ? -EFAULT : 0;
	}
	return -ESRCH;
}

/* The index-th VMA of process pid (0: the caller), for pmap. */
long sys_mapinfo(int pid, int index, struct mapinfo __user *info)
{
	struct task_struct *t;
	struct mm_struct *mm;
	struct mapinfo mi;
	unsigned long flags;
	int err;

	if (index < 0)
		return -EINVAL;
	flags = arch_local_irq_save();
	t = pid ? find_process(pid) : current;
	mm = t ? get_task_mm(t) : NULL;
	arch_local_irq_restore(flags);
	if (!mm)
		return -ESRCH;
	mmap_read_lock(mm);
	err = vma_info(mm, index, &mi);
	mmap_read_unlock(mm);
	mmput(mm);
	if (err)
		return err;
	return copy_to_user(info, &mi, sizeof(mi)) ? -EFAULT : 0;
}

long sys_vmstat(struct vmstat __user *out)
{
	struct vmstat vs = {
		.pgfault = vm_events.pgfault,
		.zero_page_maps = vm_events.zero_page_maps,
		.anon_pages = vm_events.anon_pages,
		.cow_copies = vm_events.cow_copies,
		.cow_reuses = vm_events.cow_reuses,
		.pfn_maps = vm_events.pfn_maps,
		.free_pages = nr_free_pages(),
		.total_pages = nr_managed_pages(),
		.pagecache_pages = pagecache_pages(),
		.tlb_shootdowns = vm_events.nr_tlb_remote_flush,
	};

	return copy_to_user(out, &vs, sizeof(vs)) ? -EFAULT : 0;
}

/*
 * Power off, reporting status: the end of a test run (the runner reads the
 * EXIT line), of a RUN= command, or /bin/poweroff; or restart (/bin/reboot).
 * Root's only, as Linux's (CAP_SYS_BOOT).
 */
long sys_reboot(int cmd, int status)
{
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if (cmd == REBOOT_RESTART) {
		printk("Restarting\n");
		arch_restart();
	}
	if (cmd != REBOOT_POWER_OFF)
		return -EINVAL;
	printk("EXIT: STATUS=%d\n", status);
	if (status == 0 && !boot_params.ktest)
		arch_poweroff();
	arch_exit(status);
}

/*
 * Audit every address space and the page allocator (mm/vm_audit.h): the
 * number of problems found, each printed on the console, 0 if none.
 * Interrupts stay off throughout, so no process changes its memory
 * meanwhile; an address space whose mmap_lock is taken (a change half-way
 * through, or a fault asleep) is passed over, so the figures are exact
 * when no process is in a memory system call (the fuzzer calls it
 * between batches).
 */
long sys_vm_audit(void)
{
	struct task_struct *t;
	struct vm_audit a;
	unsigned long flags, problems;

	if (vm_audit_begin(&a))
		return -ENOMEM;
	flags = arch_local_irq_save();
	list_for_each_entry (t, &all_tasks, task_link)
		if (t->mm && mm_first_user(t) && mmap_read_trylock(t->mm)) {
			vm_audit_mm(&a, t->mm);
			mmap_read_unlock(t->mm);
		}
	problems = vm_audit_end(&a);
	arch_local_irq_restore(flags);
	return problems;
}
